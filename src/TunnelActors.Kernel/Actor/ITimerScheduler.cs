namespace TunnelActors.Kernel.Actor;

/// <summary>Keyed timers that send a message to the actor itself.</summary>
/// <remarks>
/// Starting a timer with a key in use cancels the previous one, and a message of the previous timer is never received,
/// even if it was already enqueued. All timers are cancelled when the actor restarts or stops.
/// </remarks>
public interface ITimerScheduler
{
    /// <summary>Sends <paramref name="message"/> once after <paramref name="timeout"/>.</summary>
    void StartSingleTimer(object key, object message, TimeSpan timeout);

    /// <summary>Sends <paramref name="message"/> every <paramref name="interval"/>.</summary>
    void StartPeriodicTimer(object key, object message, TimeSpan interval);

    /// <summary>Sends <paramref name="message"/> after <paramref name="initialDelay"/>, then every <paramref name="interval"/>.</summary>
    void StartPeriodicTimer(object key, object message, TimeSpan initialDelay, TimeSpan interval);

    /// <summary>True while the timer with <paramref name="key"/> is armed (a single timer stops being active once its message is received).</summary>
    bool IsTimerActive(object key);

    /// <summary>Cancels the timer with <paramref name="key"/>.</summary>
    void Cancel(object key);

    /// <summary>Cancels all timers.</summary>
    void CancelAll();
}
