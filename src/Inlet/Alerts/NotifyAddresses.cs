using System.Net;
using System.Net.Sockets;

namespace Inlet.Alerts;

/// <summary>
/// Where notifications may go. A notification URL is chosen by an account's user, and the node sends to it from inside the
/// operator's network: unless the operator sets <c>Inlet:Alerts:AllowPrivateNetworks</c>, it only reaches public addresses —
/// checked on the address the connection is made to, after DNS, so a name that resolves (or comes to resolve) to a private
/// address is refused too — and redirects are not followed.
/// </summary>
internal static class NotifyAddresses
{
    public const string Refusal = "notifications go to private networks only when the operator sets Inlet:Alerts:AllowPrivateNetworks=true";

    /// <summary>Loopback, private, carrier-grade NAT, link-local (cloud metadata), unspecified, multicast and reserved addresses.</summary>
    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return true;
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast;
        }
        var b = address.GetAddressBytes();
        return b[0] is 0 or 10 or 127 or >= 224 || (b[0], b[1]) is (169, 254) or (172, >= 16 and <= 31) or (192, 168) or (100, >= 64 and <= 127);
    }

    /// <summary>The alerts client's connections: to the host's first allowed address.</summary>
    public static SocketsHttpHandler Handler(bool allowPrivate) => new()
    {
        AllowAutoRedirect = false,
        ConnectCallback = async (context, cancellationToken) =>
        {
            var host = context.DnsEndPoint.Host;
            var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
            var allowed = allowPrivate ? addresses : [.. addresses.Where(address => !IsPrivate(address))];
            if (allowed.Length == 0)
            {
                throw new PrivateAddressException($"{host} is a private address ({addresses.FirstOrDefault()}): {Refusal}");
            }
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}

/// <summary>A notification refused before any connection: not worth a retry.</summary>
internal sealed class PrivateAddressException(string message) : HttpRequestException(message);
