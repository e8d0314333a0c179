#Requires -Modules Pester
# The read cmdlets against the staged module and the simulator process (demo scenario).
BeforeAll {
    Import-Module $env:S365_MODULE_PATH -Force
    $script:Sim = $env:S365_SIM_URL.TrimEnd('/')
    Invoke-RestMethod -Method Post -Uri "$Sim/_sim/reset" | Out-Null
    $script:ClientId = '2f7e4bd1-365d-4c3a-9a1e-5e5e5e5e0365'
    Connect-S365Psa -Server $Sim -CompanyId sync365demo -PublicKey demopublic -PrivateKey (ConvertTo-SecureString 'demoprivate' -AsPlainText -Force) -ClientId $ClientId -Name pester-reads

    # A plain REST client, independent of Sync365, for the expected answers.
    $script:Headers = @{
        Authorization = 'Basic ' + [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes('sync365demo+demopublic:demoprivate'))
        clientId      = $ClientId
    }
    function script:Get-Raw([string]$Path) {
        $all = @(); $page = 1
        do {
            $sep = if ($Path.Contains('?')) { '&' } else { '?' }
            $rows = @(Invoke-RestMethod -Uri "$Sim/v4_6_release/apis/3.0/$Path${sep}pageSize=1000&page=$page" -Headers $Headers | ForEach-Object { $_ })
            $all += $rows; $page++
        } while ($rows.Count -eq 1000)
        foreach ($row in $all) { $row }
    }
    function script:Get-Requests([string]$Method, [string]$Route) {
        $stats = Invoke-RestMethod -Uri "$Sim/_sim/stats"
        $total = 0
        foreach ($row in @($stats.byRoute)) { if ($row.method -eq $Method -and $row.route -eq $Route) { $total += $row.count } }
        $total
    }
    $script:AllAgreements = Get-Raw 'finance/agreements'
}

AfterAll {
    Disconnect-S365Psa -Connection pester-reads -Confirm:$false -ErrorAction SilentlyContinue
}

Describe 'Get-S365Agreement' {
    It 'streams: Select-Object -First 5 makes one request' {
        Invoke-RestMethod -Method Delete -Uri "$Sim/_sim/stats" | Out-Null
        @(Get-S365Agreement | Select-Object -First 5).Count | Should -Be 5
        Get-Requests GET '/finance/agreements' | Should -Be 1
    }

    It 'returns the active agreements by default and every agreement with -Status All' {
        $active = @($AllAgreements | Where-Object agreementStatus -eq 'Active').id | Sort-Object
        @(Get-S365Agreement).Id | Sort-Object | Should -Be $active
        @(Get-S365Agreement -Status All).Count | Should -Be @($AllAgreements).Count
        @(Get-S365Agreement -Status All).Count | Should -BeGreaterThan $active.Count
    }

    It 'finds <Name> exactly, by name and from the pipeline' -ForEach @(
        @{ Name = "O'Brien & Sons" }, @{ Name = 'Zürich "Alpen" AG' }, @{ Name = 'Smith + Jones #1' }, @{ Name = 'Fabrikam, Inc.' }, @{ Name = '100% Pure (NZ) Ltd' }
    ) {
        @(Get-S365Company -Name $Name).Name | Should -Be @($Name)
        $expected = @($AllAgreements | Where-Object { $_.company.name -ceq $Name }).id | Sort-Object
        $expected.Count | Should -BeGreaterThan 0
        @(Get-S365Agreement -Company ([WildcardPattern]::Escape($Name)) -Status All).Id | Sort-Object | Should -Be $expected
        @(Get-S365Company -Name $Name | Get-S365Agreement -Status All).Id | Sort-Object | Should -Be $expected
    }

    It 'filters by type with a wildcard' {
        $expected = @($AllAgreements | Where-Object { $_.agreementStatus -eq 'Active' -and $_.type.name -like 'Micro*' }).id | Sort-Object
        @(Get-S365Agreement -Type 'Micro*').Id | Sort-Object | Should -Be $expected
    }

    It 'has a table view and a PsaUrl' {
        $a = Get-S365Agreement | Select-Object -First 1
        $a.PsaUrl | Should -Match "recid=$($a.Id)&"
        (Get-FormatData -TypeName Sync365.Core.Psa.Agreement).FormatViewDefinition[0].Control | Should -BeOfType System.Management.Automation.TableControl
    }
}

Describe 'Get-S365Addition' {
    It 'returns, through bundles, as many additions as the simulator holds for the agreements' {
        $expected = 0
        foreach ($a in $AllAgreements) {
            $expected += (Invoke-RestMethod -Uri "$Sim/v4_6_release/apis/3.0/finance/agreements/$($a.id)/additions/count" -Headers $Headers).count
        }
        Invoke-RestMethod -Method Delete -Uri "$Sim/_sim/stats" | Out-Null
        $additions = @(Get-S365Agreement -Status All | Get-S365Addition -IncludeCancelled)
        $additions.Count | Should -Be $expected
        Get-Requests POST '/system/bundles' | Should -Be ([math]::Ceiling(@($AllAgreements).Count / 25))
        Get-Requests GET '/finance/agreements/{parentId}/additions' | Should -Be 0
    }

    It 'leaves out cancelled additions unless -IncludeCancelled' {
        $all = @(Get-S365Agreement | Get-S365Addition -IncludeCancelled)
        $now = [DateTimeOffset]::UtcNow
        $active = @($all | Where-Object { $null -eq $_.CancelledDate -or $_.CancelledDate -gt $now })
        $active.Count | Should -BeLessThan $all.Count
        @(Get-S365Agreement | Get-S365Addition).Id | Sort-Object | Should -Be (@($active.Id) | Sort-Object)
    }

    It 'carries its agreement and company' {
        $agreement = Get-S365Agreement -Company ([WildcardPattern]::Escape('Zürich "Alpen" AG')) | Select-Object -First 1
        $additions = @($agreement | Get-S365Addition)
        $additions.Count | Should -BeGreaterThan 0
        $additions.AgreementName | Sort-Object -Unique | Should -Be $agreement.Name
        $additions.CompanyName | Sort-Object -Unique | Should -Be 'Zürich "Alpen" AG'
    }

    It 'filters by serial number and product identifier on the server' {
        $all = @(Get-S365Agreement | Get-S365Addition)
        @(Get-S365Agreement | Get-S365Addition -SerialNumber 'Cloud*').Id | Sort-Object | Should -Be (@($all | Where-Object SerialNumber -like 'Cloud*').Id | Sort-Object)
        @(Get-S365Agreement | Get-S365Addition -Product 'M365-B?').Id | Sort-Object | Should -Be (@($all | Where-Object Product -like 'M365-B?').Id | Sort-Object)
    }

    It 'reads -AgreementId agreements first so names are filled in, and reports missing ones' {
        $id = (Get-S365Agreement | Select-Object -First 1).Id
        $additions = @(Get-S365Addition -AgreementId $id, 987654 -ErrorVariable errs -ErrorAction SilentlyContinue)
        $additions.Count | Should -BeGreaterThan 0
        $additions | ForEach-Object { $_.AgreementName | Should -Not -BeNullOrEmpty; $_.CompanyName | Should -Not -BeNullOrEmpty }
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'AgreementNotFound*'
    }
}

Describe 'Catalog, agreement types and contacts' {
    It 'Get-S365Product filters by identifier' {
        $raw = @(Get-Raw 'procurement/catalog' | Where-Object { -not $_.inactiveFlag -and $_.identifier -like 'M365*' })
        @(Get-S365Product -Identifier 'M365*').Identifier | Sort-Object | Should -Be (@($raw.identifier) | Sort-Object)
    }

    It 'Get-S365AgreementType lists the active types' {
        @(Get-S365AgreementType).Name | Sort-Object | Should -Be (@(Get-Raw 'finance/agreements/types' | Where-Object { -not $_.inactiveFlag }).name | Sort-Object)
    }

    It 'Get-S365Contact takes companies from the pipeline' {
        $company = Get-S365Company -Name 'Fabrikam, Inc.'
        $expected = @(Get-Raw 'company/contacts' | Where-Object { $_.company.id -eq $company.Id -and -not $_.inactiveFlag }).id | Sort-Object
        @($company | Get-S365Contact).Id | Sort-Object | Should -Be $expected
    }
}

Describe 'Argument completers' {
    It 'completes company names, quoted' {
        $s = 'Get-S365Agreement -Company O'
        (TabExpansion2 -inputScript $s -cursorColumn $s.Length).CompletionMatches.CompletionText | Should -Contain "'O''Brien & Sons'"
    }

    It 'completes product identifiers' {
        $s = 'Get-S365Addition -Product M365-B'
        $matches = @((TabExpansion2 -inputScript $s -cursorColumn $s.Length).CompletionMatches.CompletionText)
        $matches | Should -Contain 'M365-BP'
        $matches | ForEach-Object { $_ | Should -BeLike 'M365-B*' }
    }
}
