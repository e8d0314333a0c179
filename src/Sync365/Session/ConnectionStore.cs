using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using Sync365.Core.Psa;

namespace Sync365.Session
{
    /// <summary>
    /// The connections of one PowerShell session (runspace). Connections side by side by name; the one connected
    /// last is the default.
    /// </summary>
    public sealed class ConnectionStore
    {
        private static readonly ConditionalWeakTable<Runspace, ConnectionStore> PerRunspace = new ConditionalWeakTable<Runspace, ConnectionStore>();
        private static readonly ConnectionStore NoRunspace = new ConnectionStore();
        private readonly object _gate = new object();
        private readonly List<PsaConnection> _connections = new List<PsaConnection>();

        public static ConnectionStore Current
        {
            get
            {
                var rs = Runspace.DefaultRunspace;
                return rs == null ? NoRunspace : PerRunspace.GetValue(rs, _ => new ConnectionStore());
            }
        }

        public PsaConnection? Default
        {
            get
            {
                lock (_gate)
                {
                    return _connections.FirstOrDefault(c => c.IsDefault);
                }
            }
        }

        public IReadOnlyList<PsaConnection> All
        {
            get
            {
                lock (_gate)
                {
                    return _connections.ToList();
                }
            }
        }

        public PsaConnection? Find(string name)
        {
            lock (_gate)
            {
                return _connections.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
            }
        }

        /// <summary>Adds (or replaces, by name) a connection and makes it the default.</summary>
        public void Add(PsaConnection connection)
        {
            lock (_gate)
            {
                var old = _connections.FirstOrDefault(c => string.Equals(c.Name, connection.Name, StringComparison.OrdinalIgnoreCase));
                if (old != null)
                {
                    _connections.Remove(old);
                    if (!ReferenceEquals(old, connection))
                    {
                        old.Dispose();
                    }
                }

                foreach (var c in _connections)
                {
                    c.IsDefault = false;
                }

                connection.IsDefault = true;
                _connections.Add(connection);
            }
        }

        public bool Remove(PsaConnection connection)
        {
            lock (_gate)
            {
                if (!_connections.Remove(connection))
                {
                    return false;
                }

                connection.Dispose();
                if (connection.IsDefault)
                {
                    connection.IsDefault = false;
                    var last = _connections.LastOrDefault();
                    if (last != null)
                    {
                        last.IsDefault = true;
                    }
                }

                return true;
            }
        }
    }
}
