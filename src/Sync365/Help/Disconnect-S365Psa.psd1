@{
    Synopsis    = 'Closes a PSA connection.'
    Description = 'Disconnect-S365Psa closes the default connection, the one given by -Connection (a name or the object), or every connection with -All. If the default connection is closed, the connection made most recently before it becomes the default.'
    Parameters  = @{
        Connection = 'The connection to close: its name, or the object Get-S365PsaConnection returns (also from the pipeline). Without it, the default connection is closed.'
        All        = 'Closes every connection of the session.'
    }
    Examples    = @(
        @{ Title = 'Close the default connection'; Code = 'Disconnect-S365Psa'; Remarks = 'The next most recent connection, if any, becomes the default.' }
        @{ Title = 'Close every connection'; Code = 'Get-S365PsaConnection | Disconnect-S365Psa'; Remarks = 'Same as Disconnect-S365Psa -All.' }
    )
    Links       = @('Connect-S365Psa', 'Get-S365PsaConnection')
}
