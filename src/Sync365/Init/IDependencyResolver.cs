namespace Sync365.Init
{
    /// <summary>Resolves Sync365's dependencies while hooked; hooking twice is harmless.</summary>
    internal interface IDependencyResolver
    {
        void Hook();

        void Unhook();
    }
}
