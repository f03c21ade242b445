namespace FamilyPortal.Tests.Tenancy;

public class CurrentMunicipalityPickTests
{
    private static readonly MembershipChoice A = new(1, "COMMUNE A", 10, "DUPOND");
    private static readonly MembershipChoice B = new(2, "COMMUNE B", 20, "DUPOND");

    [Fact]
    public void No_adhesion_means_no_collectivite() => Assert.Null(CurrentMunicipality.Pick([], 1));

    [Fact]
    public void A_single_adhesion_is_the_current_one_whatever_was_remembered()
    {
        Assert.Equal(A, CurrentMunicipality.Pick([A], null));
        Assert.Equal(A, CurrentMunicipality.Pick([A], 2));
    }

    [Fact]
    public void With_several_the_remembered_choice_is_honoured_only_when_it_is_one_of_them()
    {
        Assert.Equal(B, CurrentMunicipality.Pick([A, B], 2));
        Assert.Null(CurrentMunicipality.Pick([A, B], null));
        Assert.Null(CurrentMunicipality.Pick([A, B], 3));
    }
}
