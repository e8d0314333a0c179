@{
    Synopsis    = 'Gets agreements from the PSA, filtered on the server and streamed page by page.'
    Description = @'
Get-S365Agreement reads ConnectWise agreements (GET /finance/agreements) at the API's maximum page size of 1,000 with forward-only paging, writing each page to the pipeline as it arrives: Get-S365Agreement | Select-Object -First 5 makes one request.

Every filter becomes a server-side condition, so only matching agreements cross the network: -Company (company objects from the pipeline, record ids, or names and identifiers with wildcards), -Type, -Name and -Status. Names with quotes, ampersands, plus signs, hashes, percent signs or non-ASCII letters are found exactly: conditions are built by one quoting function and every row is checked again on the client.

-Status defaults to Active: "my agreements" to an MSP means the ones that bill. Use -Status All for every agreement, or Cancelled, Expired or Inactive. With -Id, agreements are returned whatever their status unless -Status is given.

Companies piped in are asked for together (company/id in (...), up to 200 per request), not one request per company; each piped object's ConnectionName chooses the connection.
'@
    Parameters  = @{
        Company    = 'Companies whose agreements to return: Company objects (from Get-S365Company, through the pipeline), company record ids (numbers), or company names or identifiers with wildcards (strings). Other objects with a CompanyId property (contacts, agreements) also work. When nothing is found, an exact name (no wildcard) that names no company is reported as a CompanyNotFound error, so a typo does not pass as "no agreements".'
        Type       = 'Agreement type names (e.g. "Microsoft 365"); wildcards allowed. Tab completes the PSA''s active agreement types.'
        Status     = 'Active (the default), Cancelled, Expired, Inactive, or All. With -Id, no status filter applies unless this is given.'
        Name       = 'Agreement names; wildcards allowed.'
        Id         = 'Agreement record ids. Read in batches; an id that does not exist is reported as an error and the others are still returned.'
        Connection = 'The connection to use: its name or the object Get-S365PsaConnection returns. Defaults to the last connection made; objects from the pipeline bring their own (ConnectionName).'
    }
    Examples    = @(
        @{ Title = 'Active Microsoft 365 agreements'; Code = 'Get-S365Agreement -Type ''Microsoft 365'''; Remarks = 'One request per 1,000 agreements.' }
        @{ Title = 'Agreements of some companies'; Code = 'Get-S365Company -Name ''Contoso*'' | Get-S365Agreement -Status All'; Remarks = 'The companies are sent to the server together, not one request each.' }
        @{ Title = 'A company with an awkward name'; Code = 'Get-S365Agreement -Company ''Zürich "Alpen" AG'''; Remarks = 'Found exactly, quotes and all.' }
        @{ Title = 'Open an agreement in the browser'; Code = 'Start-Process (Get-S365Agreement -Id 42).PsaUrl'; Remarks = 'PsaUrl opens the record in the ConnectWise web UI.' }
    )
    Notes       = 'Needs Finance > Agreements: Inquire - All in the API member''s security role (Test-S365Connection checks it).'
    Links       = @('Get-S365Addition', 'Get-S365Company', 'Get-S365AgreementType', 'Test-S365Connection')
}
