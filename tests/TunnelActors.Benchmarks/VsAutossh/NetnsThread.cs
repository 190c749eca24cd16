using System.Collections.Concurrent;
using System.Net.Sockets;

namespace TunnelActors.Benchmarks.VsAutossh;

/// <summary>A dedicated thread living inside one network namespace, creating sockets there.</summary>
/// <remarks>
/// A socket belongs to the namespace of the thread that created it, for its whole life; connect, bind and I/O may
/// then happen on any thread. So only creation is marshalled here and everything else stays ordinary async code.
/// </remarks>
internal sealed class NetnsThread : IDisposable
{
    private readonly BlockingCollection<Action> _work = [];
    private readonly Thread _thread;
    private readonly TaskCompletionSource<string> _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public NetnsThread(string namespacePath)
    {
        _thread = new Thread(() => Run(namespacePath)) { IsBackground = true, Name = "netns " + Path.GetFileName(namespacePath) };
        _thread.Start();
        NamespaceId = _entered.Task.GetAwaiter().GetResult();
    }

    /// <summary>The namespace identity as /proc shows it (<c>net:[inode]</c>), to find its processes.</summary>
    public string NamespaceId { get; }

    /// <summary>A new TCP socket in this namespace.</summary>
    public Task<Socket> CreateTcpAsync()
    {
        var created = new TaskCompletionSource<Socket>(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Add(() =>
        {
            try
            {
                created.SetResult(new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp));
            }
            catch (SocketException e)
            {
                created.SetException(e);
            }
        });
        return created.Task;
    }

    public void Dispose()
    {
        _work.CompleteAdding();
        _thread.Join(TimeSpan.FromSeconds(5));
        _work.Dispose();
    }

    private void Run(string namespacePath)
    {
        try
        {
            using (var handle = File.OpenHandle(namespacePath, FileMode.Open, FileAccess.Read))
            {
                Native.EnterNetworkNamespace(handle);
            }

            _entered.SetResult(new FileInfo("/proc/thread-self/ns/net").LinkTarget ?? "?");
        }
        catch (IOException e)
        {
            _entered.SetException(e);
            return;
        }

        foreach (var item in _work.GetConsumingEnumerable())
        {
            item();
        }
    }
}
