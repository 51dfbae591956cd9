namespace Norddjurs.TeamsRisk.Manifest.Tests;

/// <summary>Teams' icon rules: colour 192×192; outline 32×32, white on transparency (Teams tints it).</summary>
public sealed class IconTests(BuiltPackage package) : IClassFixture<BuiltPackage>
{
    [Fact]
    public void The_colour_icon_is_192_by_192_and_opaque()
    {
        var icon = Png.Read(package.Entries["color.png"]);

        Assert.Equal((192, 192), (icon.Width, icon.Height));
        Assert.All(icon.Pixels(), p => Assert.Equal(255, p.A));
        Assert.True(icon.Pixels().Distinct().Count() > 2, "the colour icon has a picture, not one flat colour");
    }

    [Fact]
    public void The_outline_icon_is_32_by_32_white_on_transparency()
    {
        var icon = Png.Read(package.Entries["outline.png"]);

        Assert.Equal((32, 32), (icon.Width, icon.Height));
        Assert.All(icon.Pixels().Where(p => p.A > 0), p => Assert.Equal((255, 255, 255), (p.R, p.G, p.B)));
        Assert.Equal(0, icon.Pixel(0, 0).A);
        Assert.Contains(icon.Pixels(), p => p.A == 0);
        Assert.Contains(icon.Pixels(), p => p.A == 255);
    }

    [Fact]
    public void The_manifest_names_the_icons_in_the_package()
    {
        var icons = package.Manifest["icons"]!;

        Assert.True(package.Entries.ContainsKey(icons["color"]!.GetValue<string>()));
        Assert.True(package.Entries.ContainsKey(icons["outline"]!.GetValue<string>()));
    }
}
