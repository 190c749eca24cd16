using System.Diagnostics.CodeAnalysis;

// Test methods are named Subject_Condition_Expected (STYLE.md), which CA1707 would reject.
[assembly: SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names are Subject_Condition_Expected.", Scope = "namespaceanddescendants", Target = "~N:TunnelActors.Core.Tests")]
