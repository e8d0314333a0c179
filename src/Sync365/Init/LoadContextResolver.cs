using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace Sync365.Init
{
    /// <summary>
    /// PowerShell 7: loads Sync365.Core and the libraries it needs from dependencies/ into a private
    /// AssemblyLoadContext named "Sync365", so another module's Polly (or any other library) in the default
    /// context neither breaks Sync365 nor is broken by it.
    /// </summary>
    /// <remarks>
    /// netstandard2.0 cannot name AssemblyLoadContext, so it is reached by reflection, and since a subclass
    /// (with its own Load override) cannot be declared, every isolated assembly is loaded into the context up
    /// front: binds by name inside the context then find it there before they look anywhere else. A library
    /// the running .NET already ships at the same or a higher version (System.Text.Json, System.Memory...)
    /// is left to the runtime, as it would be in any .NET application, so framework types stay one type.
    /// Two hooks bridge from the default context into the private one, and each answers Sync365 only:
    /// Default.Resolving answers for Sync365's own assemblies (no other code can ask for them), and
    /// AppDomain.AssemblyResolve, which names the requesting assembly, answers requests made by Sync365.dll
    /// or by an assembly of the private context.
    /// </remarks>
    internal sealed class LoadContextResolver : IDependencyResolver
    {
        private const string ContextName = "Sync365";

        private static readonly Type? LoadContextType = Type.GetType(
            "System.Runtime.Loader.AssemblyLoadContext, System.Runtime.Loader", throwOnError: false);

        private readonly string _dependencyDirectory;
        private readonly Assembly _moduleAssembly;
        private readonly Dictionary<string, Assembly> _isolated = new Dictionary<string, Assembly>(StringComparer.OrdinalIgnoreCase);
        private readonly object _defaultContext;
        private readonly EventInfo _resolvingEvent;
        private readonly Delegate _resolvingHandler;
        private readonly ResolveEventHandler _appDomainHandler;
        private bool _hooked;

        internal LoadContextResolver(string dependencyDirectory, Assembly moduleAssembly)
        {
            Type loadContextType = LoadContextType ?? throw new PlatformNotSupportedException("AssemblyLoadContext is not available.");
            _dependencyDirectory = dependencyDirectory;
            _moduleAssembly = moduleAssembly;

            ConstructorInfo constructor = loadContextType.GetConstructor(new[] { typeof(string), typeof(bool) })
                ?? throw new MissingMethodException(loadContextType.FullName, ".ctor(string, bool)");
            object privateContext = constructor.Invoke(new object[] { ContextName, false });
            MethodInfo loadFromPath = loadContextType.GetMethod("LoadFromAssemblyPath", new[] { typeof(string) })
                ?? throw new MissingMethodException(loadContextType.FullName, "LoadFromAssemblyPath");
            _defaultContext = loadContextType.GetProperty("Default", BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
                ?? throw new MissingMemberException(loadContextType.FullName, "Default");
            _resolvingEvent = loadContextType.GetEvent("Resolving")
                ?? throw new MissingMemberException(loadContextType.FullName, "Resolving");

            // Func<AssemblyLoadContext, AssemblyName, Assembly?>: OnDefaultResolving takes the context as
            // object, which the delegate accepts by parameter contravariance.
            MethodInfo handlerMethod = typeof(LoadContextResolver).GetMethod(nameof(OnDefaultResolving), BindingFlags.NonPublic | BindingFlags.Instance)!;
            _resolvingHandler = Delegate.CreateDelegate(_resolvingEvent.EventHandlerType!, this, handlerMethod);
            _appDomainHandler = OnAppDomainAssemblyResolve;

            Dictionary<string, string> framework = FrameworkAssemblyPaths();
            foreach (string path in Directory.GetFiles(dependencyDirectory, "*.dll"))
            {
                AssemblyName name = AssemblyName.GetAssemblyName(path);
                if (name.Name is null || IsSuppliedByFramework(name, framework))
                {
                    continue;
                }

                _isolated[name.Name] = (Assembly)loadFromPath.Invoke(privateContext, new object[] { path })!;
            }
        }

        internal static bool IsSupported => LoadContextType != null;

        public void Hook()
        {
            if (_hooked)
            {
                return;
            }

            _resolvingEvent.AddEventHandler(_defaultContext, _resolvingHandler);
            AppDomain.CurrentDomain.AssemblyResolve += _appDomainHandler;
            _hooked = true;
        }

        public void Unhook()
        {
            if (!_hooked)
            {
                return;
            }

            _resolvingEvent.RemoveEventHandler(_defaultContext, _resolvingHandler);
            AppDomain.CurrentDomain.AssemblyResolve -= _appDomainHandler;
            _hooked = false;
        }

        private static bool IsSyncAssemblyName(string? name) =>
            name != null && name.StartsWith("Sync365.", StringComparison.OrdinalIgnoreCase);

        /// <summary>Simple name → path of the assemblies the running application is built from.</summary>
        private static Dictionary<string, string> FrameworkAssemblyPaths()
        {
            var paths = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") is string list)
            {
                foreach (string path in list.Split(new[] { Path.PathSeparator }, StringSplitOptions.RemoveEmptyEntries))
                {
                    paths[Path.GetFileNameWithoutExtension(path)] = path;
                }
            }

            return paths;
        }

        private static bool IsSuppliedByFramework(AssemblyName name, Dictionary<string, string> framework)
        {
            if (IsSyncAssemblyName(name.Name) || !framework.TryGetValue(name.Name!, out string? path))
            {
                return false;
            }

            try
            {
                Version? frameworkVersion = AssemblyName.GetAssemblyName(path).Version;
                return frameworkVersion != null && name.Version != null && frameworkVersion >= name.Version;
            }
            catch (Exception e) when (e is IOException || e is BadImageFormatException)
            {
                return false;
            }
        }

        private Assembly? OnDefaultResolving(object context, AssemblyName name)
        {
            // Only Sync365 references its own assemblies, so answering these answers Sync365 alone.
            return IsSyncAssemblyName(name.Name) && _isolated.TryGetValue(name.Name!, out Assembly? assembly) ? assembly : null;
        }

        private Assembly? OnAppDomainAssemblyResolve(object? sender, ResolveEventArgs args)
        {
            Assembly? requester = args.RequestingAssembly;
            bool fromSync365 = requester != null
                && (requester == _moduleAssembly || DependencyResolver.IsInDirectory(requester.Location, _dependencyDirectory));
            if (!fromSync365)
            {
                return null;
            }

            string? simpleName = new AssemblyName(args.Name).Name;
            return simpleName != null && _isolated.TryGetValue(simpleName, out Assembly? assembly) ? assembly : null;
        }
    }
}
