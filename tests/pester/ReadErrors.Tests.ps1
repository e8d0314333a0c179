#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Reads that find nothing: a typo in a company name is said, a company with nothing to show is not an error.

BeforeAll {
    . (Join-Path $PSScriptRoot '_TestHelpers.ps1')
    Import-S365TestModule | Out-Null
    Disconnect-S365Psa -All
    Connect-S365Demo
}

Describe 'Company names that match nothing' {
    It '<Command> says which exact name names no company' -ForEach @(
        @{ Command = 'Get-S365Agreement' }
        @{ Command = 'Get-S365Contact' }
    ) {
        $errs = $null
        $out = & $Command -Company "No 'such' & Co", 'Fabrikam, Inc.' -ErrorVariable errs -ErrorAction SilentlyContinue
        @($out).Count | Should -BeGreaterThan 0
        # Fabrikam has rows, so nothing is checked: an error appears only when the whole read came back empty.
        $errs | Should -BeNullOrEmpty

        $out = & $Command -Company "No 'such' & Co" -ErrorVariable errs -ErrorAction SilentlyContinue
        $out | Should -BeNullOrEmpty
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'CompanyNotFound,*'
        $errs[0].Exception.Message | Should -BeLike "*No company in * is named 'No 'such' & Co'*"
    }

    It 'is silent for a wildcard that matches nothing' {
        $errs = $null
        Get-S365Agreement -Company 'Zzz*' -ErrorVariable errs -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $errs | Should -BeNullOrEmpty
    }

    It 'is silent for a real company that simply has none of what was asked' {
        $errs = $null
        Get-S365Agreement -Company 'Fabrikam, Inc.' -Name 'No such agreement' -ErrorVariable errs -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $errs | Should -BeNullOrEmpty
    }
}
