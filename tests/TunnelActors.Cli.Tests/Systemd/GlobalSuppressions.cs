using System.Diagnostics.CodeAnalysis;

// Test names follow Subject_Condition_Expected (STYLE.md), which CA1707 would reject.
[assembly: SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test naming convention", Scope = "namespaceanddescendants", Target = "~N:TunnelActors.Cli.Tests.Systemd")]
