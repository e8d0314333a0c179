namespace Sync365.Core.Psa.ConnectWise
{
    /// <summary>A line of a ConnectWise security role: module (header) and function (item), as the UI names them.</summary>
    public sealed class SecurityFunction
    {
        public SecurityFunction(string module, string function)
        {
            Module = module;
            Function = function;
        }

        public string Module { get; }

        public string Function { get; }

        public override string ToString() => Module + " › " + Function;
    }
}
