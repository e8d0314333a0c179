@{
    Synopsis    = 'Lists the PSA connections of this session.'
    Description = 'Get-S365PsaConnection returns the connections made with Connect-S365Psa: name, PSA, server, company id, public key, clientId, codebase, and whether it is the default. The private key is never part of it.'
    Parameters  = @{
        Name    = 'Returns only connections whose name matches (wildcards allowed).'
        Default = 'Returns only the default connection.'
    }
    Examples    = @(
        @{ Title = 'See every connection'; Code = 'Get-S365PsaConnection'; Remarks = 'The default connection has IsDefault = True.' }
        @{ Title = 'Use a connection by object'; Code = 'Get-S365PsaConnection -Name prod | Get-S365Company -Name ''Contoso*'''; Remarks = 'A connection piped into a command is the one it uses.' }
    )
    Links       = @('Connect-S365Psa', 'Disconnect-S365Psa')
}
