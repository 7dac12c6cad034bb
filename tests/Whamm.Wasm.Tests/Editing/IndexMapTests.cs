using Whamm.Wasm.Editing;

namespace Whamm.Wasm.Tests.Editing;

public class IndexMapTests
{
    [Fact]
    public void IdentityMapsEverythingToItself()
    {
        var map = new IndexMap();
        Assert.True(map.IsIdentity);
        foreach (var space in Enum.GetValues<IndexSpace>())
        {
            Assert.Equal(7u, map.Map(space, 7));
            Assert.Equal(uint.MaxValue, map.Map(space, uint.MaxValue));
        }
    }

    [Fact]
    public void OneInsertionShiftsIndicesAtAndAfterIt()
    {
        var map = new IndexMap().Insert(IndexSpace.Func, 3, 2);
        Assert.Equal([0u, 1, 2, 5, 6, 7], Enumerable.Range(0, 6).Select(i => map.Map(IndexSpace.Func, (uint)i)));
        Assert.Equal(4u, map.Map(IndexSpace.Global, 4));
        Assert.Equal(1u << (int)IndexSpace.Func, map.ChangedSpaces);
    }

    [Fact]
    public void InsertionsComposeInTheSpaceTheyProduce()
    {
        // Old functions 0..5. Insert 1 at 2 (old 2 -> 3), then insert 1 at 0 (everything +1), then 2 at 4 (new numbering).
        var map = new IndexMap().Insert(IndexSpace.Func, 2, 1).Insert(IndexSpace.Func, 0, 1).Insert(IndexSpace.Func, 4, 2);
        var expected = Simulate(6, [(2, 1), (0, 1), (4, 2)]);
        Assert.Equal(expected, Enumerable.Range(0, 6).Select(i => map.Map(IndexSpace.Func, (uint)i)));
    }

    [Fact]
    public void RandomInsertionSequencesMatchASimulation()
    {
        var rng = new Random(42);
        for (var round = 0; round < 200; round++)
        {
            var size = rng.Next(1, 30);
            var map = new IndexMap();
            var steps = new List<(uint, uint)>();
            var current = size;
            for (var k = rng.Next(1, 6); k > 0; k--)
            {
                var at = (uint)rng.Next(0, current + 1);
                var count = (uint)rng.Next(1, 4);
                map.Insert(IndexSpace.Table, at, count);
                steps.Add((at, count));
                current += (int)count;
            }
            Assert.Equal(Simulate(size, steps), Enumerable.Range(0, size).Select(i => map.Map(IndexSpace.Table, (uint)i)));
        }
    }

    [Fact]
    public void ThenComposesTwoMaps()
    {
        var first = new IndexMap().Insert(IndexSpace.Memory, 1, 1);
        var second = new IndexMap().Insert(IndexSpace.Memory, 0, 2).Insert(IndexSpace.Global, 0, 1);
        var composed = first.Clone().Then(second);
        for (uint i = 0; i < 5; i++)
        {
            Assert.Equal(second.Map(IndexSpace.Memory, first.Map(IndexSpace.Memory, i)), composed.Map(IndexSpace.Memory, i));
            Assert.Equal(i + 1, composed.Map(IndexSpace.Global, i));
        }
    }

    /// <summary>Applies insertions to an explicit list of the old indices and reads off where each one ended up.</summary>
    private static uint[] Simulate(int size, List<(uint At, uint Count)> steps)
    {
        var slots = Enumerable.Range(0, size).Select(i => (int?)i).ToList();
        foreach (var (at, count) in steps) slots.InsertRange((int)at, Enumerable.Repeat((int?)null, (int)count));
        var result = new uint[size];
        for (var i = 0; i < slots.Count; i++)
        {
            if (slots[i] is { } old) result[old] = (uint)i;
        }
        return result;
    }
}
