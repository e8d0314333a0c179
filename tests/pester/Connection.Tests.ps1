#Requires -Modules Pester
# Test-S365Connection against the staged module and the simulator process (demo scenario).
BeforeAll {
    Import-Module $env:S365_MODULE_PATH -Force
    $script:Sim = $env:S365_SIM_URL.TrimEnd('/')
    Invoke-RestMethod -Method Post -Uri "$Sim/_sim/reset" | Out-Null
    $script:ClientId = '2f7e4bd1-365d-4c3a-9a1e-5e5e5e5e0365'
    function script:Key([string]$Text) { ConvertTo-SecureString $Text -AsPlainText -Force }
}

Describe 'Test-S365Connection' {
    It 'passes every row of the role table with the full member' {
        Connect-S365Psa -Server $Sim -CompanyId sync365demo -PublicKey demopublic -PrivateKey (Key 'demoprivate') -ClientId $ClientId -Name pester-conn
        try {
            $r = Test-S365Connection -Connection pester-conn
            $r.Success | Should -BeTrue
            $r.Permissions.Count | Should -Be 9
            $r.Permissions | ForEach-Object { $_.Status | Should -Be 'Pass' }
            $r.CompanyCount | Should -BeGreaterOrEqual 40
            $r.AgreementCount | Should -BeGreaterOrEqual 120
            $r.ProductCount | Should -BeGreaterOrEqual 20
            $r.Codebase | Should -Not -BeNullOrEmpty
            $r.ApiVersion | Should -Not -BeNullOrEmpty
            ($r.TableSetup | Where-Object Table -eq 'Agreements/Agreement Type').Status | Should -Be 'Pass'
            Test-S365Connection -Connection pester-conn -Quiet | Should -BeTrue
        }
        finally {
            Disconnect-S365Psa -Connection pester-conn -Confirm:$false
        }
    }

    It 'fails exactly the rows the limited member lacks, each Fix naming module, function and level' {
        $r = Test-S365Connection -Server $Sim -CompanyId sync365demo -PublicKey limitedpublic -PrivateKey (Key 'limitedprivate') -ClientId $ClientId
        $r.Success | Should -BeFalse
        $failed = @($r.Permissions | Where-Object Status -eq 'Fail')
        @($failed | ForEach-Object { "$($_.Module) › $($_.Function)" }) | Sort-Object | Should -Be @('Finance › Agreements', 'Procurement › Products', 'Service Desk › Service Tickets')
        ($failed | Where-Object Function -eq 'Agreements').Fix | Should -BeLike '*Finance › Agreements: Edit Level to All*'
        ($failed | Where-Object Function -eq 'Service Tickets').Fix | Should -BeLike '*Service Desk › Service Tickets: Add Level to All*'
        ($failed | Where-Object Function -eq 'Products').Fix | Should -BeLike '*Procurement › Products: Inquire Level to All*'
        @($r.Permissions | Where-Object Status -eq 'Pass').Count | Should -Be 6
    }

    It 'shows the permission table by default' {
        $text = Test-S365Connection -Server $Sim -CompanyId sync365demo -PublicKey limitedpublic -PrivateKey (Key 'limitedprivate') -ClientId $ClientId | Out-String -Width 250
        $text | Should -Match 'FAILED'
        $text | Should -Match 'Fail\s+Finance\s+Agreements'
        $text | Should -Match 'Pass\s+Companies\s+Company Maintenance'
    }

    It 'says what to fix when <Case>' -ForEach @(
        @{ Case = 'the keys are wrong'; Company = 'sync365demo'; Private = 'wrong-private-key'; ErrorId = 'AuthenticationFailed'; Says = '*-PrivateKey*' }
        @{ Case = 'the company id is unknown'; Company = 'nosuchcompany'; Private = 'demoprivate'; ErrorId = 'CompanyNotFound'; Says = '*nosuchcompany*' }
    ) {
        $err = $null
        try { Test-S365Connection -Server $Sim -CompanyId $Company -PublicKey demopublic -PrivateKey (Key $Private) -ClientId $ClientId; throw 'no error' }
        catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
        $err.Exception.Message | Should -BeLike $Says
        $err.ToString() | Should -Not -Match 'wrong-private-key'
        Test-S365Connection -Server $Sim -CompanyId $Company -PublicKey demopublic -PrivateKey (Key $Private) -ClientId $ClientId -Quiet | Should -BeFalse
    }

    It 'says what to fix when the server cannot be reached' {
        { Test-S365Connection -Server 'http://127.0.0.1:1' -CompanyId sync365demo -PublicKey demopublic -PrivateKey (Key 'demoprivate') -ClientId $ClientId } |
            Should -Throw -ExpectedMessage '*-Server*'
    }

    It 'refuses an empty clientId' {
        { Test-S365Connection -Server $Sim -CompanyId sync365demo -PublicKey demopublic -PrivateKey (Key 'demoprivate') -ClientId ([guid]::Empty) } |
            Should -Throw -ErrorId 'ClientIdMissing*'
    }

    It 'keeps no connection when testing keys' {
        $before = @(Get-S365PsaConnection).Count
        $null = Test-S365Connection -Server $Sim -CompanyId sync365demo -PublicKey demopublic -PrivateKey (Key 'demoprivate') -ClientId $ClientId
        @(Get-S365PsaConnection).Count | Should -Be $before
    }

    It 'has help for every parameter' {
        $help = Get-Help Test-S365Connection -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        foreach ($p in 'Server', 'CompanyId', 'PublicKey', 'PrivateKey', 'Credential', 'ClientId', 'Quiet', 'Connection') {
            ($help.parameters.parameter | Where-Object name -eq $p).description | Should -Not -BeNullOrEmpty
        }
    }
}
