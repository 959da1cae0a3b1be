using System.Text.Json.Serialization;
using Subscriptions.Serialization;

namespace Subscriptions.Lifecycle;

/// <summary>Who did something to a subscription.</summary>
public enum ActorKind
{
    /// <summary>The customer, through a portal link.</summary>
    Customer = 1,

    /// <summary>A member of the company's staff.</summary>
    Staff = 2,

    /// <summary>The engine itself: a scheduled change, a renewal, a payment failure.</summary>
    System = 3,
}

/// <summary>Who did something: a kind and an id (the customer's id, a staff user's id, or the engine's job).</summary>
/// <param name="Kind">The kind of actor.</param>
/// <param name="Id">The actor's id, such as a user name.</param>
[JsonConverter(typeof(ActorJsonConverter))]
public readonly record struct Actor(ActorKind Kind, string Id)
{
    /// <summary>Gets the engine itself.</summary>
    public static Actor System => new(ActorKind.System, "engine");

    /// <summary>Returns a staff member.</summary>
    /// <param name="id">The staff user's id.</param>
    /// <returns>The actor.</returns>
    /// <exception cref="ArgumentException">Thrown when <paramref name="id"/> is null or blank.</exception>
    public static Actor Staff(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return new(ActorKind.Staff, id);
    }

    /// <summary>Returns a customer acting through the portal.</summary>
    /// <param name="customer">The customer.</param>
    /// <returns>The actor.</returns>
    public static Actor Customer(CustomerId customer) => new(ActorKind.Customer, customer.Value);

    /// <summary>Returns the actor as <c>Kind:Id</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Kind}:{Id}";
}
