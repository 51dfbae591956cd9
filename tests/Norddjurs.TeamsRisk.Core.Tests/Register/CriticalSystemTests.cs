using Norddjurs.TeamsRisk.Core.Register;

namespace Norddjurs.TeamsRisk.Core.Tests.Register;

public sealed class CriticalSystemTests
{
    [Theory]
    [InlineData(null, new DataClassKind[0], DataClassLevel.None)]
    [InlineData(true, new DataClassKind[0], DataClassLevel.Ordinary)]
    [InlineData(true, new[] { DataClassKind.Ordinary, DataClassKind.Cpr }, DataClassLevel.Cpr)]
    [InlineData(true, new[] { DataClassKind.Cpr, DataClassKind.Art10Criminal }, DataClassLevel.Sensitive)]
    [InlineData(true, new[] { DataClassKind.SocialProblems }, DataClassLevel.Sensitive)]
    [InlineData(true, new[] { DataClassKind.Children }, DataClassLevel.Sensitive)]
    [InlineData(true, new[] { DataClassKind.Endangering, DataClassKind.Ordinary }, DataClassLevel.Endangering)]
    public void The_highest_data_class_follows_the_method_ladder(bool? personalData, DataClassKind[] kinds, DataClassLevel highest)
    {
        var data = new DataProfile { PersonalData = personalData, DataClasses = kinds.Select(k => new DataClass(k)).ToList() };

        Assert.Equal(highest, data.HighestDataClass());
    }

    [Fact]
    public void Art_9_counts_as_sensitive_and_names_the_method_id()
    {
        var data = new DataProfile { DataClasses = [new DataClass(DataClassKind.Art9, Art9Category.Health)] };

        Assert.Equal("sensitive", data.HighestDataClass().MethodId());
    }

    [Fact]
    public void Art_9_needs_a_category_and_nothing_else_takes_one()
    {
        Assert.Throws<ArgumentException>(() => new DataClass(DataClassKind.Art9));
        Assert.Throws<ArgumentException>(() => new DataClass(DataClassKind.Cpr, Art9Category.Health));
    }

    [Theory]
    [InlineData("anne@norddjurs.dk", true)]
    [InlineData("6b29fc40-ca47-1067-b31d-00dd010662da", true)]
    [InlineData("Anne Jensen", false)]
    [InlineData("anne@norddjurs", false)]
    [InlineData("anne@@norddjurs.dk", false)]
    [InlineData("@norddjurs.dk", false)]
    [InlineData("{6b29fc40-ca47-1067-b31d-00dd010662da}", false)]
    public void A_person_is_a_UPN_or_an_object_id_and_nothing_else(string text, bool valid) =>
        Assert.Equal(valid, PersonRef.TryParse(text, out _));

    [Fact]
    public void UPNs_compare_without_regard_to_case() =>
        Assert.Equal(PersonRef.FromUpn("Anne@Norddjurs.dk"), PersonRef.FromUpn("anne@norddjurs.dk"));

    [Fact]
    public void A_manual_record_has_no_file_source()
    {
        Assert.True(RecordSource.Manual.IsManual);
        Assert.False(RecordSource.Import("planer.csv", 2).IsManual);
    }
}
