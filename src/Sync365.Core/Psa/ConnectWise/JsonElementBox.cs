using System.Text.Json;

namespace Sync365.Core.Psa.ConnectWise
{
    /// <summary>A row kept as raw JSON (for resources read generically, such as security settings).</summary>
    public sealed class JsonElementBox
    {
        public JsonElementBox(JsonElement element) => Element = element;

        public JsonElement Element { get; }
    }
}
