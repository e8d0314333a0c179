@{
    Synopsis    = 'Gets products from the PSA''s catalog (Procurement > Product Catalog).'
    Description = @'
Get-S365Product streams ConnectWise catalog items (GET /procurement/catalog), active ones unless -IncludeInactive is given, at 1,000 per request. -Identifier and -Description take wildcards and become server-side conditions, checked again exactly on the client.
'@
    Parameters  = @{
        Identifier      = 'Catalog item identifiers (the product id additions refer to); wildcards allowed. Tab completes from the catalog.'
        Description     = 'Descriptions; wildcards allowed.'
        Id              = 'Catalog item record ids.'
        IncludeInactive = 'Also returns inactive catalog items.'
        Connection      = 'The connection to use: its name or the object Get-S365PsaConnection returns. Defaults to the last connection made.'
    }
    Examples    = @(
        @{ Title = 'Microsoft 365 products'; Code = 'Get-S365Product -Identifier ''M365*'', ''O365*'''; Remarks = 'Identifier, description, price and cost.' }
        @{ Title = 'Products whose description mentions Teams'; Code = 'Get-S365Product -Description ''*Teams*'''; Remarks = 'A like condition on the server.' }
    )
    Notes       = 'Needs Procurement > Product Catalog: Inquire - All.'
    Links       = @('Get-S365Addition')
}
