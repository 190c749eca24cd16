using System.Text;
using TunnelActors.Core.Journal.Events;
using TunnelActors.Core.Journal.Serialization;

namespace TunnelActors.Core.Tests.Journal.Serialization;

public sealed class EventCodecTests
{
    public static TheoryData<TunnelEvent> AllEvents() =>
    [
        new SshStarted(4242, 7, "ab12"),
        new TunnelUp(TimeSpan.FromMilliseconds(12.5)),
        new ProbeFailed("timeout"),
        new SshExited(255, null, "ConnectionRefused", "ssh: connect to host db port 22: Connection refused"),
        new SshExited(null, 9, "Killed", string.Empty),
        new RestartScheduled(3, TimeSpan.FromSeconds(4)),
        new GaveUp("max-retries"),
        new StoppedByOperator(null),
        new StoppedByOperator("maintenance"),
        new StoppedByReload("cafe"),
        new ConfigurationLoaded("d1"),
        new ConfigurationReloaded("d2"),
    ];

    [Theory]
    [MemberData(nameof(AllEvents))]
    public void EncodeDecode_EveryEventKind_RoundTrips(TunnelEvent original)
    {
        // Arrange
        var kind = EventKinds.Of(original);

        // Act
        var decoded = EventCodec.Decode(kind, EventKinds.CurrentSchemaVersion, EventCodec.Encode(original));

        // Assert
        Assert.Equal(original, decoded);
    }

    [Fact]
    public void Encode_SshExited_WritesCamelCaseJsonWithoutNulls()
    {
        // Act
        var json = Encoding.UTF8.GetString(EventCodec.Encode(new SshExited(255, null, "Auth", "denied")));

        // Assert
        Assert.Equal("""{"exitCode":255,"failureClass":"Auth","stderrTail":"denied"}""", json);
    }

    [Fact]
    public void Decode_UnknownKind_ReturnsUnrecognizedWithRawJson()
    {
        // Act
        var decoded = EventCodec.Decode("from-the-future", 1, Encoding.UTF8.GetBytes("""{"x":1}"""));

        // Assert
        Assert.Equal(new UnrecognizedEvent("from-the-future", 1, """{"x":1}"""), decoded);
    }

    [Fact]
    public void Decode_NewerSchemaVersion_ReturnsUnrecognized()
    {
        // Arrange
        var payload = EventCodec.Encode(new ProbeFailed("timeout"));

        // Act
        var decoded = EventCodec.Decode(EventKinds.ProbeFailed, EventKinds.CurrentSchemaVersion + 1, payload);

        // Assert
        Assert.IsType<UnrecognizedEvent>(decoded);
    }

    [Fact]
    public void Decode_DamagedPayload_ReturnsUnrecognizedInsteadOfThrowing()
    {
        // Act
        var decoded = EventCodec.Decode(EventKinds.TunnelUp, 1, Encoding.UTF8.GetBytes("{not json"));

        // Assert
        Assert.Equal(new UnrecognizedEvent(EventKinds.TunnelUp, 1, "{not json"), decoded);
    }
}
