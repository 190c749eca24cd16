using System.Text;

namespace TunnelActors.Kernel.Actor;

/// <summary>The hierarchical name of an actor: <c>akka://system/user/parent/child</c>, plus the incarnation uid.</summary>
public sealed class ActorPath : IEquatable<ActorPath>
{
    private ActorPath(string systemName, ActorPath? parent, string name, long uid)
    {
        SystemName = systemName;
        Parent = parent;
        Name = name;
        Uid = uid;
    }

    /// <summary>The actor system's name.</summary>
    public string SystemName { get; }

    /// <summary>The parent path, null for the root.</summary>
    public ActorPath? Parent { get; }

    /// <summary>The last element of the path (the actor's name).</summary>
    public string Name { get; }

    /// <summary>Unique id of this incarnation; 0 when unknown.</summary>
    public long Uid { get; }

    /// <summary>Creates a root path for <paramref name="systemName"/>.</summary>
    public static ActorPath Root(string systemName) => new(systemName, null, string.Empty, 0);

    /// <summary>Creates the path of a child named <paramref name="name"/>.</summary>
    public ActorPath Child(string name, long uid = 0) => new(SystemName, this, name, uid);

    /// <summary>Elements from the root (excluded) down to this actor.</summary>
    public IReadOnlyList<string> Elements
    {
        get
        {
            var list = new List<string>();
            for (var p = this; p.Parent is not null; p = p.Parent)
            {
                list.Add(p.Name);
            }

            list.Reverse();
            return list;
        }
    }

    /// <inheritdoc />
    public bool Equals(ActorPath? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null)
        {
            return false;
        }

        ActorPath? a = this;
        ActorPath? b = other;
        while (a is not null && b is not null)
        {
            if (!string.Equals(a.Name, b.Name, StringComparison.Ordinal))
            {
                return false;
            }

            a = a.Parent;
            b = b.Parent;
        }

        return a is null && b is null && string.Equals(SystemName, other.SystemName, StringComparison.Ordinal);
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ActorPath p && Equals(p);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Parent?.Name);

    /// <summary>The path without uid, e.g. <c>akka://sys/user/a</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder("akka://").Append(SystemName);
        foreach (var element in Elements)
        {
            sb.Append('/').Append(element);
        }

        if (Parent is null)
        {
            sb.Append('/');
        }

        return sb.ToString();
    }

    /// <summary>The path with its uid, e.g. <c>akka://sys/user/a#12</c>.</summary>
    public string ToStringWithUid() => Uid == 0 ? ToString() : $"{this}#{Uid}";
}
