namespace Subscriptions.Catalog;

/// <summary>Thrown when no plan of the catalog has the requested id.</summary>
/// <remarks>Error code <c>catalog.unknown_plan</c>.</remarks>
public sealed class UnknownPlanException : SubscriptionsException
{
    /// <summary>The stable error code of this exception.</summary>
    public const string Code = "catalog.unknown_plan";

    /// <summary>Initializes a new instance of the <see cref="UnknownPlanException"/> class.</summary>
    /// <param name="planId">The plan id that was not found.</param>
    public UnknownPlanException(string planId)
        : base(Code, $"No plan has the id '{planId}'.")
    {
        PlanId = planId;
    }

    /// <summary>Gets the plan id that was not found.</summary>
    public string PlanId { get; }
}
