namespace SoapMiddleware.Client.Wsdl.Caching;

/// <summary>
/// The in-memory entries, at most a fixed number: the least recently used goes first (an unbounded cache is a leak in
/// a process that reads many WSDLs). One lock; every operation is a dictionary lookup and a list move.
/// </summary>
internal sealed class LruEntries(int capacity)
{
    private readonly Dictionary<string, LinkedListNode<CacheEntry>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<CacheEntry> _order = new();
    private readonly Lock _lock = new();

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    public CacheEntry? Get(string key)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(key, out var node))
            {
                return null;
            }

            _order.Remove(node);
            _order.AddFirst(node);
            return node.Value;
        }
    }

    public void Set(CacheEntry entry)
    {
        if (capacity <= 0)
        {
            return;
        }

        lock (_lock)
        {
            if (_entries.Remove(entry.Key, out var old))
            {
                _order.Remove(old);
            }

            _entries[entry.Key] = _order.AddFirst(entry);
            while (_entries.Count > capacity)
            {
                var last = _order.Last!;
                _order.RemoveLast();
                _entries.Remove(last.Value.Key);
            }
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _entries.Clear();
            _order.Clear();
        }
    }
}
