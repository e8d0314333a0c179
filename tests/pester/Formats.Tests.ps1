#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Every default view renders: no script text leaking into a cell, dates as yyyy-MM-dd.

BeforeAll {
    . (Join-Path $PSScriptRoot '_TestHelpers.ps1')
    Import-S365TestModule | Out-Null
    Disconnect-S365Psa -All
    Connect-S365Demo
}

Describe 'Default views' {
    It 'renders <Name> as a clean table' -ForEach @(
        @{ Name = 'connections'; Read = { Get-S365PsaConnection } }
        @{ Name = 'companies'; Read = { Get-S365Company | Select-Object -First 20 } }
        @{ Name = 'agreements'; Read = { Get-S365Agreement -Status All | Select-Object -First 40 } }
        @{ Name = 'agreement types'; Read = { Get-S365AgreementType } }
        @{ Name = 'additions'; Read = { Get-S365Agreement -Status All | Select-Object -First 30 | Get-S365Addition -IncludeCancelled } }
        @{ Name = 'products'; Read = { Get-S365Product } }
        @{ Name = 'contacts'; Read = { Get-S365Contact | Select-Object -First 20 } }
        @{ Name = 'the connection test'; Read = { Test-S365Connection } }
    ) {
        $objects = @(& $Read)
        $objects.Count | Should -BeGreaterThan 0
        $text = $objects | Out-String -Width 250
        $text | Should -Not -Match '\$_|\$null|ToString\(|ScriptBlock'
        $text | Should -Not -Match '\d{2}/\d{2}/\d{4} \d{2}:\d{2}:\d{2}'
    }

    It 'shows dates in the tables as yyyy-MM-dd' {
        $text = Get-S365Agreement -Status All | Select-Object -First 5 | Out-String -Width 250
        $text | Should -Match '\b20\d{2}-\d{2}-\d{2}\b'
        $cancelled = Get-S365Agreement -Status All | Select-Object -First 30 | Get-S365Addition -IncludeCancelled | Where-Object CancelledDate | Select-Object -First 3
        $cancelled | Should -Not -BeNullOrEmpty
        ($cancelled | Out-String -Width 250) | Should -Match '\b20\d{2}-\d{2}-\d{2}\b'
    }
}
