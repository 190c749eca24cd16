namespace TunnelActors.Kernel.Actor;

/// <summary>Marker for messages that do not reset the receive timeout.</summary>
public interface INotInfluenceReceiveTimeout;
