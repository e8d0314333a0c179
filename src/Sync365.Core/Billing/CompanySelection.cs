using System;
using System.Collections.Generic;

namespace Sync365.Core.Billing
{
    /// <summary>Companies as the user named them: ids, and name patterns with their exact client-side check.</summary>
    public sealed class CompanySelection
    {
        public HashSet<long> Ids { get; } = new HashSet<long>();

        /// <summary>PowerShell wildcard patterns (or plain names) and, for each, the exact matcher.</summary>
        public List<KeyValuePair<string, Func<string?, bool>>> Names { get; } = new List<KeyValuePair<string, Func<string?, bool>>>();

        public bool IsEmpty => Ids.Count == 0 && Names.Count == 0;
    }
}
