@{
    Synopsis    = 'Gets the additions (billed product lines) of agreements, many agreements per request.'
    Description = @'
Get-S365Addition reads the additions of the agreements piped to it (usually from Get-S365Agreement), or of -AgreementId. Instead of one request per agreement it groups 25 agreements into each POST /system/bundles request and keeps up to 4 bundles in flight, writing each finished bundle to the pipeline in agreement order while the next ones are on the wire. An agreement with more than 1,000 additions is paged on its own. If the server has no bundles endpoint, it falls back to one paged request per agreement with the same bounded concurrency; 429 answers are retried after the Retry-After the server asks for.

Every addition carries its agreement (AgreementId, AgreementName, AgreementType) and company (CompanyId, CompanyName). With -AgreementId the agreements are read first (in batches) so the names are filled in too.

Without -IncludeCancelled, only additions with no cancelled date or one in the future are returned (a server-side condition). -SerialNumber and -Product (catalog item identifiers) take wildcards and are server-side conditions too, checked again exactly on the client.

Run without agreements and without pipeline input, it reads the additions of every active agreement.
'@
    Parameters  = @{
        Agreement        = 'Agreement objects, usually from Get-S365Agreement through the pipeline.'
        AgreementId      = 'Agreement record ids (also from the pipeline by the AgreementId property). The agreements are read first, so each addition carries agreement and company names.'
        SerialNumber     = 'Serial numbers; wildcards allowed. Sync tools often stamp their name here (CloudConsole, Unite).'
        Product          = 'Product (catalog item) identifiers, e.g. M365-BP; wildcards allowed. Tab completes from the catalog.'
        IncludeCancelled = 'Also returns additions whose cancelled date has passed.'
        Connection       = 'The connection to use: its name or the object Get-S365PsaConnection returns. Defaults to the last connection made; piped agreements bring their own (ConnectionName).'
    }
    Examples    = @(
        @{ Title = 'Every active addition of every Microsoft 365 agreement'; Code = 'Get-S365Agreement -Type ''Microsoft 365'' | Get-S365Addition'; Remarks = 'About one request per 25 agreements.' }
        @{ Title = 'Additions a sync tool created'; Code = 'Get-S365Addition -SerialNumber CloudConsole* | Group-Object CompanyName | Sort-Object Count -Descending'; Remarks = 'Reads every active agreement''s additions and keeps the CloudConsole ones.' }
        @{ Title = 'One product across the customer base'; Code = 'Get-S365Agreement | Get-S365Addition -Product ''M365-BP*'' | Measure-Object Quantity -Sum'; Remarks = 'Seats of Microsoft 365 Business Premium billed today.' }
        @{ Title = 'By agreement id, cancelled lines too'; Code = 'Get-S365Addition -AgreementId 12, 14 -IncludeCancelled'; Remarks = 'Reads agreements 12 and 14, then all their additions.' }
    )
    Notes       = 'Needs Finance > Agreements: Inquire - All. PsaUrl opens the addition''s agreement in the ConnectWise web UI.'
    Links       = @('Get-S365Agreement', 'Get-S365Product')
}
