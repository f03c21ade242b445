using System.Net;

namespace FamilyPortal.Tests.Infrastructure;

public class ClientNetworkTests
{
    [Theory]
    [InlineData("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:3::1", "2001:db8:1:3::/64")]
    [InlineData("fe80::1%3", "fe80::/64")]
    [InlineData("::1", "::/64")]
    [InlineData("192.0.2.1", "192.0.2.1")]
    [InlineData("192.0.2.2", "192.0.2.2")]
    [InlineData("::ffff:192.0.2.1", "192.0.2.1")]
    public void An_ipv6_address_counts_by_its_64_network_and_an_ipv4_address_by_itself(string address, string key)
    {
        Assert.Equal(key, RateLimiting.ClientNetwork(IPAddress.Parse(address)));
        Assert.Equal(key, RateLimiting.ClientKey(IPAddress.Parse(address)));
    }

    [Fact]
    public void No_address_is_one_unknown_client_for_the_limits_and_none_for_the_adhesion_rule()
    {
        Assert.Null(RateLimiting.ClientNetwork(null));
        Assert.Equal("inconnue", RateLimiting.ClientKey(null));
    }
}
