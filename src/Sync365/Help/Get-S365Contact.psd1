@{
    Synopsis    = 'Gets contacts from the PSA, filtered on the server by company, name and e-mail address.'
    Description = @'
Get-S365Contact streams ConnectWise contacts (GET /company/contacts), active ones unless -IncludeInactive is given, at 1,000 per request. -Company works as on Get-S365Agreement (company objects from the pipeline, ids, or names with wildcards). -Name matches "First Last", the first name or the last name; -Email matches any e-mail address of the contact (a childConditions filter on the server). Every filter is checked again exactly on the client.
'@
    Parameters  = @{
        Company         = 'Companies whose contacts to return: Company objects (through the pipeline), company record ids, or names or identifiers with wildcards. When nothing is found, an exact name that names no company is reported as a CompanyNotFound error.'
        Name            = 'Contact names: "First Last", first name or last name; wildcards allowed.'
        Email           = 'E-mail addresses; wildcards allowed (e.g. *@contoso.com).'
        Id              = 'Contact record ids.'
        IncludeInactive = 'Also returns inactive contacts.'
        Connection      = 'The connection to use: its name or the object Get-S365PsaConnection returns. Defaults to the last connection made; piped objects bring their own (ConnectionName).'
    }
    Examples    = @(
        @{ Title = 'Contacts of a company'; Code = 'Get-S365Company -Name ''Contoso Ltd'' | Get-S365Contact'; Remarks = 'Name, e-mail and phone of each active contact.' }
        @{ Title = 'Find a contact by e-mail domain'; Code = 'Get-S365Contact -Email ''*@fabrikam.com'''; Remarks = 'Matches any of the contact''s e-mail addresses.' }
    )
    Notes       = 'Needs Companies > Contacts: Inquire - All.'
    Links       = @('Get-S365Company')
}
