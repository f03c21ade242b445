using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;

namespace FamilyPortal.Tests.Hardening;

/// <summary>
/// The portal's kinds of mail, as the code that queues them: every method that calls
/// <see cref="EmailOutbox.Enqueue(OutgoingEmail)"/>, found by reading the compiled code, named « Type.Method »
/// (the method an async state machine or a lambda belongs to). A kind of mail added later is found alone.
/// </summary>
public static partial class MailSenders
{
    private static readonly HashSet<MethodBase> EnqueueMethods =
        [.. typeof(EmailOutbox).GetMethods().Where(m => m.Name == nameof(EmailOutbox.Enqueue))];

    public static IReadOnlySet<string> InCode()
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var assembly = typeof(EmailOutbox).Assembly;
        foreach (var type in assembly.GetTypes().Where(t => t != typeof(EmailOutbox)))
        {
            const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
            {
                if (Calls(method, assembly.ManifestModule))
                {
                    found.Add(NameOf(method));
                }
            }
        }
        return found;
    }

    /// <summary>The sender of the mail being queued, read from the call stack (while inside Enqueue).</summary>
    public static string? FromStack(StackTrace stack)
    {
        var frames = stack.GetFrames().Select(f => f.GetMethod()).Where(m => m is not null).ToList();
        var enqueue = frames.FindLastIndex(m => m!.DeclaringType == typeof(EmailOutbox));
        return frames.Skip(enqueue + 1).FirstOrDefault(m => m!.DeclaringType?.Assembly == typeof(EmailOutbox).Assembly) is { } caller
            ? NameOf(caller)
            : null;
    }

    /// <summary>« Type.Method » of the method written in the source (not of the compiler's generated ones).</summary>
    public static string NameOf(MethodBase method)
    {
        var type = method.DeclaringType!;
        var source = SourceName(method.Name);
        while (type.Name.StartsWith('<'))
        {
            source ??= SourceName(type.Name);
            type = type.DeclaringType!;
        }
        return $"{type.Name}.{source ?? method.Name}";
    }

    private static string? SourceName(string generated) =>
        GeneratedName().Match(generated) is { Success: true } match ? match.Groups[1].Value : null;

    [GeneratedRegex(@"^<+([A-Za-z_][A-Za-z0-9_]*)>")]
    private static partial Regex GeneratedName();

    /// <summary>Whether the method's IL calls Enqueue (call or callvirt whose token is one of its overloads).</summary>
    private static bool Calls(MethodBase method, Module module)
    {
        byte[]? il;
        try
        {
            il = method.GetMethodBody()?.GetILAsByteArray();
        }
        catch (Exception ex) when (ex is InvalidOperationException or NotSupportedException or BadImageFormatException)
        {
            return false;
        }
        if (il is null)
        {
            return false;
        }
        for (var i = 0; i + 4 < il.Length; i++)
        {
            if (il[i] is not (0x28 or 0x6F))
            {
                continue;
            }
            var token = BitConverter.ToInt32(il, i + 1);
            if ((token >> 24) is not (0x06 or 0x0A or 0x2B))
            {
                continue;
            }
            try
            {
                if (module.ResolveMethod(token, method.DeclaringType?.GetGenericArguments(), method.IsGenericMethod ? method.GetGenericArguments() : null) is { } called
                    && EnqueueMethods.Contains(called))
                {
                    return true;
                }
            }
            catch (Exception ex) when (ex is ArgumentException or BadImageFormatException or MissingMethodException or TypeLoadException)
            {
                // Bytes that only looked like a call.
            }
        }
        return false;
    }

    /// <summary>Records which sender queued each mail, by listening to the DbContext's change tracker.</summary>
    public sealed class Recorder
    {
        private readonly ConcurrentQueue<string> _senders = new();

        public IReadOnlyCollection<string> Senders => _senders;

        public void Attach(Microsoft.EntityFrameworkCore.DbContext context) =>
            context.ChangeTracker.Tracked += (_, e) =>
            {
                if (e.Entry.Entity is OutboxMessage && !e.FromQuery)
                {
                    _senders.Enqueue(FromStack(new StackTrace()) ?? "?");
                }
            };

        public void Clear() => _senders.Clear();
    }
}
