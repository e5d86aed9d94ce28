using Inlet.Hosting;

namespace Inlet.Tests.Writer;

public sealed class IdsTests
{
    [Fact]
    public void IdsMadeOneAfterTheOtherSortInTheOrderTheyWereMadeEvenWithinAMillisecond()
    {
        // Far more than one millisecond holds, so the counter within a millisecond is used, and rolls over into the next.
        var ids = Enumerable.Range(0, 50_000).Select(_ => Ids.New("evt")).ToList();

        Assert.Equal(ids, ids.Order(StringComparer.Ordinal));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^evt_[0-9a-f]{12}7[0-9a-f]{3}[89ab][0-9a-f]{15}$", id));
    }
}
