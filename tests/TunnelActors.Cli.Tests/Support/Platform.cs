// These tests use Unix sockets, file modes, signals and setpriv: Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
