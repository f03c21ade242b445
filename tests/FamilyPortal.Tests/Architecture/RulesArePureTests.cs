using System.Reflection;
using NetArchTest.Rules;

namespace FamilyPortal.Tests.Architecture;

/// <summary>
/// A feature's rules (deadlines, basket transitions, pricing, allocation…) are plain C#: they are unit-tested
/// without a database or a web host, so nothing in a « Rules » namespace may depend on EF Core or ASP.NET Core.
/// </summary>
public class RulesArePureTests
{
    private static readonly Assembly Portal = typeof(FamilyPortal.Web.Data.FamilyPortalDbContext).Assembly;

    private static readonly string[] Frameworks =
    [
        "Microsoft.EntityFrameworkCore",
        "Microsoft.AspNetCore",
        "Microsoft.Extensions.DependencyInjection",
        "FamilyPortal.Web.Data",
    ];

    private static IEnumerable<Type> RuleTypes() =>
        Types.InAssembly(Portal).That().ResideInNamespaceEndingWith(".Rules").GetTypes();

    [Fact]
    public void Every_feature_has_its_rules_found_by_the_test()
    {
        var features = RuleTypes().Select(t => t.Namespace!).Distinct().ToList();
        Assert.True(features.Count >= 6, "Too few Rules namespaces found: " + string.Join(", ", features));
    }

    [Fact]
    public void Rules_depend_on_nothing_of_EF_Core_nor_ASP_NET_Core()
    {
        var result = Types.InAssembly(Portal).That().ResideInNamespaceEndingWith(".Rules")
            .ShouldNot().HaveDependencyOnAny(Frameworks).GetResult();

        Assert.True(result.IsSuccessful, "Rules that depend on a framework: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void The_check_sees_a_dependency_when_there_is_one()
    {
        // The same query on the page models must find them depending on ASP.NET Core, or the check above proves nothing.
        var pages = Types.InAssembly(Portal).That().ResideInNamespaceEndingWith(".Admin")
            .ShouldNot().HaveDependencyOnAny(Frameworks).GetResult();

        Assert.False(pages.IsSuccessful);
    }
}
