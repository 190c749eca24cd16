using TunnelActors.Kernel.Actor;
using TunnelActors.Kernel.Tests.Support;

namespace TunnelActors.Kernel.Tests.Actor;

public sealed class ActorPathTests : TestKit.TestKit
{
    [Fact]
    public void ToString_ChildPath_IsAkkaStyle()
    {
        var path = ActorPath.Root("sys").Child("user").Child("a", uid: 7);

        Assert.Equal("akka://sys/user/a", path.ToString());
        Assert.Equal("akka://sys/user/a#7", path.ToStringWithUid());
        Assert.Equal(["user", "a"], path.Elements);
    }

    [Fact]
    public void Equals_SameElementsDifferentUid_PathsEqual() =>
        Assert.Equal(ActorPath.Root("s").Child("a", 1), ActorPath.Root("s").Child("a", 2));

    [Fact]
    public async Task ActorRefEquality_NewIncarnationWithSameName_NotEqual()
    {
        var first = Sys.ActorOf(Props.Create<EchoActor>(), "same");
        Watch(first);
        Sys.Stop(first);
        ExpectTerminated(first);
        await AwaitIdleAsync(); // the guardian frees the name when it processes the death, independently of our Terminated

        var second = Sys.ActorOf(Props.Create<EchoActor>(), "same");

        Assert.Equal(first.Path, second.Path);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void ActorOf_InvalidName_Throws() =>
        Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create<EchoActor>(), "a/b"));
}
