namespace Sync365.Core.Psa.ConnectWise
{
    /// <summary>An agreement whose additions could not be read, and why.</summary>
    public sealed class AgreementReadFailure
    {
        public AgreementReadFailure(AgreementRef agreement, PsaApiException error)
        {
            Agreement = agreement;
            Error = error;
        }

        public AgreementRef Agreement { get; }

        public PsaApiException Error { get; }
    }
}
