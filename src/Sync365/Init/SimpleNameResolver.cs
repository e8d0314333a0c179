using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace Sync365.Init
{
    /// <summary>
    /// Windows PowerShell 5.1 (.NET Framework): there is no load context to isolate into, so Sync365's
    /// requests for an assembly that is not found are answered from dependencies/ by simple name, whatever
    /// version was asked for — the work a binding redirect would do in an application's config file.
    /// Requests from any other code are left alone.
    /// </summary>
    internal sealed class SimpleNameResolver : IDependencyResolver
    {
        private readonly string _dependencyDirectory;
        private readonly Assembly _moduleAssembly;
        private readonly Dictionary<string, Assembly> _loaded = new Dictionary<string, Assembly>(StringComparer.OrdinalIgnoreCase);
        private readonly ResolveEventHandler _handler;
        private bool _hooked;

        internal SimpleNameResolver(string dependencyDirectory, Assembly moduleAssembly)
        {
            _dependencyDirectory = dependencyDirectory;
            _moduleAssembly = moduleAssembly;
            _handler = OnAssemblyResolve;
        }

        public void Hook()
        {
            if (!_hooked)
            {
                AppDomain.CurrentDomain.AssemblyResolve += _handler;
                _hooked = true;
            }
        }

        public void Unhook()
        {
            if (_hooked)
            {
                AppDomain.CurrentDomain.AssemblyResolve -= _handler;
                _hooked = false;
            }
        }

        private Assembly? OnAssemblyResolve(object? sender, ResolveEventArgs args)
        {
            var requested = new AssemblyName(args.Name);
            string? simpleName = requested.Name;
            if (simpleName is null || simpleName.EndsWith(".resources", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            Assembly? requester = args.RequestingAssembly;
            bool fromSync365 = requester is null
                ? simpleName.StartsWith("Sync365.", StringComparison.OrdinalIgnoreCase)
                : requester == _moduleAssembly || DependencyResolver.IsInDirectory(requester.Location, _dependencyDirectory);
            if (!fromSync365)
            {
                return null;
            }

            lock (_loaded)
            {
                if (_loaded.TryGetValue(simpleName, out Assembly? known))
                {
                    return known;
                }

                string path = Path.Combine(_dependencyDirectory, simpleName + ".dll");
                if (!File.Exists(path))
                {
                    return null;
                }

                Assembly assembly = Assembly.LoadFrom(path);
                _loaded[simpleName] = assembly;
                return assembly;
            }
        }
    }
}
