using System.Diagnostics.CodeAnalysis;

// Test names are Subject_Condition_Expected (STYLE.md); CA1707 forbids the underscores. Scoped to the command tests.
[assembly: SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test naming convention", Scope = "namespaceanddescendants", Target = "~N:TunnelActors.Cli.Tests.Commands")]
