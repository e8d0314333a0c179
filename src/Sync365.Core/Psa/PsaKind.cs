namespace Sync365.Core.Psa
{
    public enum PsaKind
    {
        ConnectWise,
        Autotask,
    }
}
