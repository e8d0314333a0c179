using System;
using System.IO;

namespace Sync365.Init
{
    /// <summary>
    /// Chooses how dependencies are resolved for the runtime PowerShell runs on: a private
    /// AssemblyLoadContext on PowerShell 7 (.NET), resolution by simple name on Windows PowerShell 5.1
    /// (.NET Framework), where there is no load context to isolate into.
    /// </summary>
    internal static class DependencyResolver
    {
        internal const string DependencyFolderName = "dependencies";

        private static readonly object Gate = new object();
        private static IDependencyResolver? _resolver;

        internal static string ModuleDirectory =>
            Path.GetDirectoryName(typeof(DependencyResolver).Assembly.Location) ?? string.Empty;

        internal static string DependencyDirectory => Path.Combine(ModuleDirectory, DependencyFolderName);

        internal static void Install()
        {
            if (!Directory.Exists(DependencyDirectory))
            {
                // Not a staged module (e.g. xunit hosting Sync365.dll from its bin folder, where every
                // dependency sits beside it): the runtime's own probing finds them.
                return;
            }

            lock (Gate)
            {
                // The resolver (and, on .NET, its load context) outlives a Remove-Module: the runtime cannot
                // unload Sync365.dll, so a later Import-Module must find the assemblies it already uses.
                _resolver ??= LoadContextResolver.IsSupported
                    ? new LoadContextResolver(DependencyDirectory, typeof(DependencyResolver).Assembly)
                    : new SimpleNameResolver(DependencyDirectory, typeof(DependencyResolver).Assembly);
                _resolver.Hook();
            }
        }

        internal static void Uninstall()
        {
            lock (Gate)
            {
                _resolver?.Unhook();
            }
        }

        /// <summary>True when <paramref name="path"/> is a file inside the dependencies folder.</summary>
        internal static bool IsInDirectory(string? path, string directory)
        {
            if (string.IsNullOrEmpty(path))
            {
                return false;
            }

            string parent = Path.GetDirectoryName(Path.GetFullPath(path)) ?? string.Empty;
            return string.Equals(
                parent.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar),
                Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar),
                Environment.OSVersion.Platform == PlatformID.Win32NT ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
        }
    }
}
