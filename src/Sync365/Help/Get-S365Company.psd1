@{
    Synopsis    = 'Gets companies from the PSA, filtered on the server and streamed page by page.'
    Description = @'
Get-S365Company reads ConnectWise companies (GET /company/companies) at the API's maximum page size of 1,000, writing each page to the pipeline as it arrives, so Select-Object -First 5 stops after one request.

-Name takes exact names or wildcards; each becomes a server-side condition, so only matching companies cross the network. Names with quotes, ampersands, plus signs, hashes, percent signs or non-ASCII letters are found exactly: the condition is built by one quoting function, and the result is checked again on the client. -Identifier and -Status work the same way.

Objects with a CompanyId (agreements, additions, contacts) piped in return their companies: each company once, read 200 ids per request.
'@
    Parameters  = @{
        Name       = 'One or more company names; wildcards (*, ?, [a-c]) allowed. Without -Name or -Id, every company is returned.'
        Identifier = 'Company identifiers (the short code ConnectWise shows next to the name, e.g. ContosoLtd); wildcards allowed.'
        Status     = 'Company status names, e.g. Active or Inactive; wildcards allowed.'
        Id         = 'One or more company record ids.'
        CompanyId  = 'The company of objects from the pipeline: agreements, additions and contacts carry CompanyId, so Get-S365Agreement -Id 42 | Get-S365Company returns its company. A separate parameter, so an object''s own Id is never taken for a company id.'
        Connection = 'The connection to use: its name or the object Get-S365PsaConnection returns. Defaults to the last connection made.'
    }
    Examples    = @(
        @{ Title = 'A company with an awkward name'; Code = 'Get-S365Company -Name "O''Brien & Sons"'; Remarks = 'Returns exactly that company.' }
        @{ Title = 'Wildcards'; Code = 'Get-S365Company -Name ''Contoso*'' | Format-Table Id, Name, PsaUrl'; Remarks = 'Companies whose name starts with Contoso.' }
        @{ Title = 'The companies of some agreements'; Code = 'Get-S365Agreement -Type ''Microsoft 365'' | Get-S365Company'; Remarks = 'Companies are read in batches of 200 ids.' }
        @{ Title = 'Count every company'; Code = 'Get-S365Company | Measure-Object'; Remarks = 'Streams every company, 1,000 per request.' }
    )
    Links       = @('Connect-S365Psa')
}
