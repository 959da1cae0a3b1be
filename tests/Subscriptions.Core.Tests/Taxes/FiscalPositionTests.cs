using Subscriptions.Taxes;
using static Subscriptions.Core.Tests.Taxes.TaxTestData;

namespace Subscriptions.Core.Tests.Taxes;

/// <summary>Automatic selection and tax mapping (TAXES.md §3).</summary>
public class FiscalPositionTests
{
    private static readonly CountryGroup Europe = new("Europe", ["BE", "FR", "NL", "DE"]);
    private static readonly FiscalPosition BeNat = new("be-nat", "BE-NAT", 10, countryCode: "BE");
    private static readonly FiscalPosition FrB2C = new("fr-b2c", "FR-B2C", 40, countryCode: "FR");
    private static readonly FiscalPosition FrB2B = new("fr-b2b", "FR-B2B", 50, countryCode: "FR", vatRequired: true);
    private static readonly FiscalPosition EuIntra = new("eu-intra", "EU-INTRA B2B", 20, countryGroup: Europe, vatRequired: true);
    private static readonly FiscalPosition World = new("world", "WORLD", 30);

    private static TaxConfiguration Company(params FiscalPosition[] positions) =>
        new(TaxTestData.Company, "BE", [], fiscalPositions: positions);

    private static TaxPartner Partner(string country, bool vat = false, string? zip = null, string? state = null, FiscalPosition? manual = null) =>
        new(country, state, zip, vat ? country + "0123456789" : null, manual);

    [Fact]
    public void Select_FrWithVat_VatMatchBeatsWorseSequence() =>
        Assert.Same(FrB2B, Company(BeNat, FrB2C, FrB2B).SelectFiscalPosition(Partner("FR", vat: true)));

    [Fact]
    public void Select_FrWithVatB2BSwitchedOff_FallsBackToB2C()
    {
        var off = new FiscalPosition("fr-b2b", "FR-B2B", 50, countryCode: "FR", vatRequired: true, autoApply: false);

        Assert.Same(FrB2C, Company(BeNat, FrB2C, off).SelectFiscalPosition(Partner("FR", vat: true)));
    }

    [Fact]
    public void Select_FrWithVatWithGroupAndWorld_CountryMatchBeatsGroupAndSequence() =>
        Assert.Same(FrB2B, Company(BeNat, FrB2C, FrB2B, EuIntra, World).SelectFiscalPosition(Partner("FR", vat: true)));

    [Fact]
    public void Select_BeWithVat_VatRequiredGroupBeatsNonVatCountry() =>
        Assert.Same(EuIntra, Company(BeNat, FrB2C, FrB2B, EuIntra, World).SelectFiscalPosition(Partner("BE", vat: true)));

    [Fact]
    public void Select_BeWithoutVat_National() =>
        Assert.Same(BeNat, Company(BeNat, FrB2C, FrB2B, EuIntra, World).SelectFiscalPosition(Partner("BE")));

    [Fact]
    public void Select_BeWithVatBelgiumOutOfEurope_FallsBackToNonVat()
    {
        var europeWithoutBelgium = new CountryGroup("Europe", ["FR", "NL", "DE"]);
        var intra = new FiscalPosition("eu-intra", "EU-INTRA B2B", 20, countryGroup: europeWithoutBelgium, vatRequired: true);

        Assert.Same(BeNat, Company(BeNat, FrB2C, FrB2B, intra, World).SelectFiscalPosition(Partner("BE", vat: true)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Select_Mexico_World(bool vat) =>
        Assert.Same(World, Company(BeNat, FrB2C, FrB2B, EuIntra, World).SelectFiscalPosition(Partner("MX", vat)));

    [Fact]
    public void Select_ZipOutOfRange_IgnoresTheZipCopy()
    {
        var zipCopy = new FiscalPosition("fr-zip", "FR-B2B zip", 50, countryCode: "FR", vatRequired: true, zipFrom: "0", zipTo: "5000");

        Assert.Same(FrB2B, Company(FrB2C, FrB2B, zipCopy).SelectFiscalPosition(Partner("FR", vat: true, zip: "6000")));
    }

    [Fact]
    public void Select_ZipInRange_TheZipCopy()
    {
        var zipCopy = new FiscalPosition("fr-zip", "FR-B2B zip", 50, countryCode: "FR", vatRequired: true, zipFrom: "0", zipTo: "5000");

        Assert.Same(zipCopy, Company(FrB2C, FrB2B, zipCopy).SelectFiscalPosition(Partner("FR", vat: true, zip: "3000")));
    }

    [Fact]
    public void Select_ZipAndState_ZipOutranksState()
    {
        var zipCopy = new FiscalPosition("fr-zip", "FR-B2B zip", 50, countryCode: "FR", vatRequired: true, zipFrom: "0", zipTo: "5000");
        var stateCopy = new FiscalPosition("fr-st", "FR-B2B state", 50, countryCode: "FR", vatRequired: true, stateCodes: ["ST"]);

        Assert.Same(zipCopy, Company(FrB2C, FrB2B, zipCopy, stateCopy).SelectFiscalPosition(Partner("FR", vat: true, zip: "3000", state: "ST")));
        Assert.Same(stateCopy, Company(FrB2C, FrB2B, stateCopy).SelectFiscalPosition(Partner("FR", vat: true, state: "ST")));
    }

    [Fact]
    public void Select_ManualPosition_AlwaysWins()
    {
        var manual = new FiscalPosition("manual", "Manual", 99, autoApply: false);

        Assert.Same(manual, Company(BeNat, FrB2B).SelectFiscalPosition(Partner("FR", vat: true, manual: manual)));
    }

    [Fact]
    public void Select_NoPartnerOrNoCountry_Nothing()
    {
        var company = Company(World);

        Assert.Null(company.SelectFiscalPosition(null));
        Assert.Null(company.SelectFiscalPosition(new TaxPartner(null, vatNumber: "BE1")));
    }

    [Fact]
    public void Select_LowerSequence_WinsAmongEquals()
    {
        var a = new FiscalPosition("a", "A", 5);
        var b = new FiscalPosition("b", "B", 3);

        Assert.Same(b, Company(a, b).SelectFiscalPosition(Partner("US")));
    }

    [Fact]
    public void Select_SequenceZero_CountsAsPointOneAndBeatsOne()
    {
        var zero = new FiscalPosition("zero", "Zero", 0);
        var one = new FiscalPosition("one", "One", 1);

        Assert.Same(zero, Company(one, zero).SelectFiscalPosition(Partner("US")));
    }

    [Fact]
    public void Select_AlphanumericZipRange_ComparesOrdinally()
    {
        var london = new FiscalPosition("ldn", "London", 1, countryCode: "GB", zipFrom: "E1", zipTo: "E9");

        Assert.Same(london, Company(london).SelectFiscalPosition(Partner("GB", zip: "E5")));
        Assert.Null(Company(london).SelectFiscalPosition(Partner("GB", zip: "N1")));
    }

    [Fact]
    public void Select_DeeperBranchCompany_Wins()
    {
        var parent = new FiscalPosition("p", "Parent", 1);
        var branch = new FiscalPosition("b", "Branch", 9, companyDepth: 1);

        Assert.Same(branch, Company(parent, branch).SelectFiscalPosition(Partner("US")));
    }

    [Theory]
    [InlineData("BE", true, "NL", true, "be")]
    [InlineData("NL", true, "BE", true, "be")]
    [InlineData("BE", true, "NL", false, "be")]
    [InlineData("NL", true, "NL", true, "intra")]
    [InlineData("NL", false, "NL", false, "private")]
    [InlineData("US", false, "US", false, "extra")]
    public void Select_DeliveryAddress_FollowsTheVatPrefixRule(string billingCountry, bool billingVat, string deliveryCountry, bool deliveryVat, string expected)
    {
        var beNational = new FiscalPosition("be", "BE national", 10, countryCode: "BE", vatRequired: true);
        var euPrivate = new FiscalPosition("private", "EU private", 20, countryGroup: Europe);
        var euIntra = new FiscalPosition("intra", "EU intra", 30, countryGroup: Europe, vatRequired: true);
        var extraEu = new FiscalPosition("extra", "extra-EU", 40);
        var company = new TaxConfiguration(TaxTestData.Company, "BE", [], vatNumber: "BE0477472701", fiscalPositions: [beNational, euPrivate, euIntra, extraEu]);

        var position = company.SelectFiscalPosition(Partner(billingCountry, billingVat), Partner(deliveryCountry, deliveryVat));

        Assert.Equal(expected, position?.Id);
    }

    [Fact]
    public void MapTaxes_SourceWithTwoDestinations_ReturnsBothInOrder()
    {
        var src = Percent(1, 21m);
        var dst1 = Percent(2, 0m);
        var dst2 = Percent(3, -21m);
        var keep = Percent(4, 6m);
        var position = new FiscalPosition("rc", "Reverse charge", mappings: [(src, dst1), (src, dst2)]);

        Assert.Equal([dst1, dst2, keep], position.MapTaxes([src, keep]));
    }

    [Fact]
    public void MapTaxes_MappingWithoutDestination_RemovesTheTax()
    {
        var vat = Percent(1, 21m);
        var eco = Fixed(2, 1m);
        var export = new FiscalPosition("export", "Export", mappings: [(vat, null)]);

        Assert.Equal([eco], export.MapTaxes([vat, eco]));
    }

    [Fact]
    public void MapTaxes_TwoSourcesToTheSameDestination_KeepsItOnce()
    {
        var a = Percent(1, 21m);
        var b = Percent(2, 6m);
        var zero = Percent(3, 0m);
        var position = new FiscalPosition("x", "X", mappings: [(a, zero), (b, zero)]);

        Assert.Equal([zero], position.MapTaxes([a, b]));
    }

    [Fact]
    public void Constructor_HalfAZipRange_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => new FiscalPosition("x", "X", zipFrom: "1000"));
}

public class FiscalPositionMappingTests
{
    [Fact]
    public void CreateSet_ProductTaxIdsUnderReverseCharge_MapsThenCompiles()
    {
        var vat = TaxTestData.Percent(1, 21m);
        var reverse = TaxTestData.Percent(2, 0m);
        var eco = TaxTestData.Fixed(3, 1m, sequence: 0);
        var intra = new FiscalPosition("intra", "EU intra", mappings: [(vat, reverse)]);
        var config = new TaxConfiguration(TaxTestData.Company, "BE", [vat, reverse, eco], fiscalPositions: [intra]);

        Assert.Equal([3, 2], config.CreateSet([1, 3], intra).Taxes.Select(t => t.Id));
        Assert.Equal([3, 1], config.CreateSet([1, 3], null).Taxes.Select(t => t.Id));
    }

    [Fact]
    public void CreateSet_UnknownTaxId_ThrowsUnknownTax() =>
        Assert.Throws<UnknownTaxException>(() => TaxTestData.Config().CreateSet([42], null));
}
