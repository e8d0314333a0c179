using System;
using System.Management.Automation;
using Sync365.Core.Psa;

namespace Sync365.Session
{
    /// <summary>Lets -Connection take a connection's name as well as the object.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ConnectionTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            var value = inputData is PSObject pso ? pso.BaseObject : inputData;
            switch (value)
            {
                case null:
                    return null!;
                case PsaConnection c:
                    return c;
                case string name:
                    var found = ConnectionStore.Current.Find(name);
                    if (found == null)
                    {
                        var known = string.Join(", ", System.Linq.Enumerable.Select(ConnectionStore.Current.All, x => "'" + x.Name + "'"));
                        throw new ArgumentTransformationMetadataException(
                            $"There is no connection named '{name}'. " + (known.Length > 0 ? $"Connections: {known}." : "Run Connect-S365Psa first."));
                    }

                    return found;
                default:
                    throw new ArgumentTransformationMetadataException(
                        $"-Connection takes a connection name or the object Get-S365PsaConnection returns, not a {value.GetType().Name}.");
            }
        }
    }
}
