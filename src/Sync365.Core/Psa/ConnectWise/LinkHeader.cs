using System;

namespace Sync365.Core.Psa.ConnectWise
{
    /// <summary>Reads RFC 8288 Link headers: <c>&lt;url&gt;; rel="next", &lt;url&gt;; rel="last"</c>.</summary>
    public static class LinkHeader
    {
        public static string? FindRel(string header, string rel)
        {
            if (string.IsNullOrEmpty(header))
            {
                return null;
            }

            var i = 0;
            while (i < header.Length)
            {
                var open = header.IndexOf('<', i);
                if (open < 0)
                {
                    return null;
                }

                var close = header.IndexOf('>', open + 1);
                if (close < 0)
                {
                    return null;
                }

                var url = header.Substring(open + 1, close - open - 1);
                var nextOpen = header.IndexOf('<', close + 1);
                var paramsText = nextOpen < 0 ? header.Substring(close + 1) : header.Substring(close + 1, nextOpen - close - 1);
                foreach (var p in paramsText.Split(';'))
                {
                    var kv = p.Trim().TrimEnd(',').Trim();
                    if (kv.StartsWith("rel=", StringComparison.OrdinalIgnoreCase))
                    {
                        var value = kv.Substring(4).Trim().Trim('"');
                        foreach (var r in value.Split(' '))
                        {
                            if (string.Equals(r, rel, StringComparison.OrdinalIgnoreCase))
                            {
                                return url;
                            }
                        }
                    }
                }

                i = nextOpen < 0 ? header.Length : nextOpen;
            }

            return null;
        }
    }
}
