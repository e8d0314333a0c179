@{
    Synopsis    = 'Gets agreement types (Table Setup > Agreement Type) from the PSA.'
    Description = @'
Get-S365AgreementType lists ConnectWise agreement types (GET /finance/agreements/types), active ones unless -IncludeInactive is given. -Name takes wildcards and becomes a server-side condition.
'@
    Parameters  = @{
        Name            = 'Type names; wildcards allowed. Tab completes the active types.'
        Id              = 'Agreement type record ids.'
        IncludeInactive = 'Also returns inactive types.'
        Connection      = 'The connection to use: its name or the object Get-S365PsaConnection returns. Defaults to the last connection made.'
    }
    Examples    = @(
        @{ Title = 'Every active type'; Code = 'Get-S365AgreementType'; Remarks = 'Name, default flag and billing cycle of each type.' }
        @{ Title = 'Agreements of a type'; Code = 'Get-S365AgreementType -Name ''Microsoft*'' | ForEach-Object { Get-S365Agreement -Type $_.Name }'; Remarks = 'Agreements of every type whose name starts with Microsoft.' }
    )
    Notes       = 'Needs System > Table Setup: Inquire - All (and, if Table Setup is restricted, Agreements/Agreement Type).'
    Links       = @('Get-S365Agreement')
}
