using System.Numerics;
using System.Reflection;
using System.Reflection.Emit;

namespace Subscriptions;

/// <summary>The house rules of STYLE.md that reflection can check (rule 17).</summary>
public sealed class ConventionTests
{
    private static readonly Assembly Core = typeof(Money).Assembly;

    /// <summary>Public classes that are deliberately unsealed, with the reason.</summary>
    private static readonly HashSet<Type> UnsealedByDesign =
    [
        typeof(SubscriptionsException), // the root of the domain exception family: areas derive from it
    ];

    /// <summary>Namespaces allowed to use Microsoft.Extensions.* (DI, logging, options) and to do I/O: the engine and its hosting.</summary>
    private static readonly string[] HostingNamespaces = ["Subscriptions.Engine", "Subscriptions.Hosting"];

    /// <summary>Root-namespace entry points that belong to the engine or its hosting, though declared in <c>Subscriptions</c>.</summary>
    private static readonly HashSet<string> HostingTypesInRoot = ["SubscriptionsServiceCollectionExtensions", "SubscriptionsEngine", "SubscriptionsOptions"];

    private static readonly string[] ForbiddenNamespaces = ["Microsoft.Extensions", "System.IO", "System.Net", "System.Data"];

    public static TheoryData<Type> PublicTypes => [.. Core.GetExportedTypes()];

    [Theory]
    [MemberData(nameof(PublicTypes))]
    public void PublicEquatable_DefinesEqualityOperators(Type type)
    {
        if (type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEquatable<>) && i.GetGenericArguments()[0] == type))
        {
            Assert.NotNull(type.GetMethod("op_Equality", [type, type]));
            Assert.NotNull(type.GetMethod("op_Inequality", [type, type]));
        }
    }

    [Theory]
    [MemberData(nameof(PublicTypes))]
    public void PublicComparable_DefinesOrderingOperatorsAndExplicitIComparable(Type type)
    {
        if (type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IComparable<>) && i.GetGenericArguments()[0] == type))
        {
            foreach (var op in new[] { "op_LessThan", "op_LessThanOrEqual", "op_GreaterThan", "op_GreaterThanOrEqual" })
            {
                Assert.True(type.GetMethod(op, [type, type]) is not null, $"{type} is IComparable<{type.Name}> but lacks {op}");
            }

            Assert.Contains(typeof(IComparable), type.GetInterfaces());
            Assert.True(
                type.GetMethod(nameof(IComparable.CompareTo), [typeof(object)]) is null,
                $"{type} should implement IComparable.CompareTo(object) explicitly");
        }
    }

    [Theory]
    [MemberData(nameof(PublicTypes))]
    public void PublicClass_IsSealedStaticOrAllowed(Type type)
    {
        // Abstract classes are hierarchy roots whose inheritance is the design (events, commands, portal requests).
        if (type.IsClass && !type.IsSealed && !type.IsAbstract && !typeof(Delegate).IsAssignableFrom(type))
        {
            Assert.True(UnsealedByDesign.Contains(type) || type.Name.EndsWith("Options", StringComparison.Ordinal), $"{type} is a public class that is neither sealed, static nor on the allow-list");
        }
    }

    [Theory]
    [MemberData(nameof(PublicTypes))]
    public void PublicValueType_IsReadOnly(Type type)
    {
        // Struct enumerators (PeriodRange.Enumerator, like List<T>.Enumerator) are mutable by design: MoveNext advances them.
        var isEnumerator = type.Name == "Enumerator" && type.GetMethod("MoveNext") is not null;
        if (type.IsValueType && !type.IsEnum && !isEnumerator)
        {
            Assert.True(type.GetCustomAttributes().Any(a => a.GetType().Name == "IsReadOnlyAttribute"), $"{type} is a public struct that is not readonly");
        }
    }

    [Fact]
    public void Domain_ReferencesNoIoNetworkDataOrMicrosoftExtensions()
    {
        var offences = new List<string>();
        foreach (var type in Core.GetTypes().Where(IsDomainType))
        {
            foreach (var used in TypesUsedBy(type))
            {
                var ns = used.Namespace ?? string.Empty;
                if (ForbiddenNamespaces.Any(f => ns == f || ns.StartsWith(f + ".", StringComparison.Ordinal)))
                {
                    offences.Add($"{type.FullName} uses {used.FullName}");
                }
            }
        }

        Assert.Empty(offences.Distinct());
    }

    [Fact]
    public void Domain_ScanFindsForbiddenUses_InASampleOfThisAssembly()
    {
        // Guard the guard: the scanner must see types used in signatures and in method bodies.
        var used = TypesUsedBy(typeof(ScannerProbe)).ToHashSet();

        Assert.Contains(typeof(FileInfo), used);
        Assert.Contains(typeof(File), used);
        Assert.Contains(typeof(BigInteger), used);
    }

    [Fact]
    public void CoreAndStorageAbstractions_DependInwardsOnly()
    {
        var storage = Assembly.Load("Subscriptions.Storage.Abstractions");

        Assert.DoesNotContain(storage.GetReferencedAssemblies(), a => a.Name == Core.GetName().Name);
        Assert.All(
            Core.GetReferencedAssemblies().Where(a => a.Name!.StartsWith("Subscriptions.", StringComparison.Ordinal)),
            a => Assert.Equal(storage.GetName().Name, a.Name));
    }

    private static bool IsDomainType(Type type)
    {
        var outer = type;
        while (outer.DeclaringType is not null)
        {
            outer = outer.DeclaringType;
        }

        var ns = outer.Namespace ?? string.Empty;
        if (HostingNamespaces.Any(h => ns == h || ns.StartsWith(h + ".", StringComparison.Ordinal)))
        {
            return false;
        }

        return !(ns == "Subscriptions" && HostingTypesInRoot.Contains(outer.Name));
    }

    private static IEnumerable<Type> TypesUsedBy(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        if (type.BaseType is not null)
        {
            yield return type.BaseType;
        }

        foreach (var i in type.GetInterfaces())
        {
            yield return i;
        }

        foreach (var field in type.GetFields(all))
        {
            yield return field.FieldType;
        }

        foreach (var property in type.GetProperties(all))
        {
            yield return property.PropertyType;
        }

        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            if (method is MethodInfo info)
            {
                yield return info.ReturnType;
            }

            foreach (var parameter in method.GetParameters())
            {
                yield return parameter.ParameterType;
            }

            foreach (var used in TypesInBody(method))
            {
                yield return used;
            }
        }
    }

    private static List<Type> TypesInBody(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            return [];
        }

        var found = new List<Type>();
        var position = 0;
        while (position < il.Length)
        {
            OpCode code;
            if (il[position] == 0xFE)
            {
                code = TwoByte[il[position + 1]];
                position += 2;
            }
            else
            {
                code = OneByte[il[position]];
                position++;
            }

            switch (code.OperandType)
            {
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                    var token = BitConverter.ToInt32(il, position);
                    try
                    {
                        var member = method.Module.ResolveMember(
                            token,
                            method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null,
                            method.IsGenericMethod ? method.GetGenericArguments() : null);
                        if (member is Type t)
                        {
                            found.Add(t);
                        }
                        else if (member?.DeclaringType is { } declaring)
                        {
                            found.Add(declaring);
                        }
                    }
                    catch (ArgumentException)
                    {
                        // A token that needs generic context we could not supply: the signature checks still cover the type.
                    }

                    position += 4;
                    break;
                case OperandType.InlineSwitch:
                    position += 4 + (BitConverter.ToInt32(il, position) * 4);
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    position += 8;
                    break;
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    position += 1;
                    break;
                case OperandType.InlineVar:
                    position += 2;
                    break;
                default:
                    position += 4;
                    break;
            }
        }

        return found;
    }

    private static readonly OpCode[] OneByte = BuildOpCodes(twoByte: false);
    private static readonly OpCode[] TwoByte = BuildOpCodes(twoByte: true);

    private static OpCode[] BuildOpCodes(bool twoByte)
    {
        var table = new OpCode[256];
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var code = (OpCode)field.GetValue(null)!;
            var value = (ushort)code.Value;
            if (twoByte == (code.Size == 2))
            {
                table[value & 0xFF] = code;
            }
        }

        return table;
    }

    private static class ScannerProbe
    {
        public static FileInfo? Signature() => null;

        public static bool Body() => File.Exists("x") && BigInteger.One.IsOne;
    }
}
