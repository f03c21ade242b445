using Xunit.Abstractions;

[assembly: TestCollectionOrderer("FamilyPortal.Tests.Support.RunsLastOrderer", "FamilyPortal.Tests")]

namespace FamilyPortal.Tests.Support;

/// <summary>
/// The tests that must run after all the others. xunit runs the collections that disable parallelization
/// after every parallel collection has finished, one at a time, in the orderer's order: this one is last.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsLast
{
    public const string Name = "After the whole suite";
}

/// <summary>Keeps xunit's order of the collections, with <see cref="RunsLast"/> moved to the end.</summary>
public sealed class RunsLastOrderer : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(c => c.DisplayName == RunsLast.Name);
}
