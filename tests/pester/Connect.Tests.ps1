#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Foundation slice: connect to the simulator as users do and read companies. Runs against the STAGED module.

BeforeAll {
    Import-Module $env:S365_MODULE_PATH -Force
    $script:Sim = $env:S365_SIM_URL.TrimEnd('/')
    $script:ClientId = '2f7e4bd1-365d-4c3a-9a1e-5e5e5e5e0365'
    $script:Private = ConvertTo-SecureString 'demoprivate' -AsPlainText -Force
    $script:Api = "$Sim/v4_6_release/apis/3.0"
    $script:Headers = @{
        Authorization = 'Basic ' + [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes('sync365demo+demopublic:demoprivate'))
        clientId      = $ClientId
    }
    function script:Connect-Demo([string]$Name) {
        $p = @{ Server = $Sim; CompanyId = 'sync365demo'; PublicKey = 'demopublic'; PrivateKey = $Private; ClientId = $ClientId }
        if ($Name) { $p.Name = $Name }
        Connect-S365Psa @p
    }
    function script:Get-SimCount([string]$Resource, [string]$Conditions) {
        $uri = "$Api/$Resource/count"
        if ($Conditions) { $uri += '?conditions=' + [Uri]::EscapeDataString($Conditions) }
        (Invoke-RestMethod -Uri $uri -Headers $Headers).count
    }
    function script:Get-SimRequests([string]$Method, [string]$Route) {
        $stats = Invoke-RestMethod -Uri "$Sim/_sim/stats"
        ($stats.byRoute | Where-Object { $_.method -eq $Method -and $_.route -eq $Route } | Measure-Object -Property count -Sum).Sum
    }
    Invoke-RestMethod -Method Post -Uri "$Sim/_sim/reset" | Out-Null
}

AfterAll {
    Disconnect-S365Psa -All -ErrorAction SilentlyContinue
}

Describe 'Connect-S365Psa' {
    BeforeEach { Disconnect-S365Psa -All }

    It 'connects with the demo keys and shows the connection without the private key' {
        $c = Connect-S365Psa -Server $Sim -CompanyId sync365demo -PublicKey demopublic -PrivateKey $Private -ClientId $ClientId -PassThru
        $c.CompanyId | Should -Be 'sync365demo'
        $c.Psa | Should -Be 'ConnectWise'
        $c.IsDefault | Should -BeTrue
        $c.Codebase | Should -Not -BeNullOrEmpty
        (Get-S365PsaConnection | Measure-Object).Count | Should -Be 1
        $everything = (Get-S365PsaConnection | Format-List * | Out-String) + (Get-S365PsaConnection | ConvertTo-Json -Depth 2 -WarningAction SilentlyContinue)
        $everything | Should -Not -Match 'demoprivate'
    }

    It 'accepts a credential whose user name is companyId+publicKey (an Azure Automation credential asset)' {
        $cred = [pscredential]::new('sync365demo+demopublic', $Private)
        $c = Connect-S365Psa -Server $Sim -Credential $cred -ClientId $ClientId -Name fromcred -PassThru
        $c.Name | Should -Be 'fromcred'
        (Get-S365Company -Name "O'Brien & Sons").Name | Should -Be "O'Brien & Sons"
    }

    It 'keeps several connections side by side; the last connected is the default' {
        Connect-Demo -Name one
        Connect-Demo -Name two
        (Get-S365PsaConnection -Default).Name | Should -Be 'two'
        (Get-S365PsaConnection).Name | Should -Be @('one', 'two')
        $viaName = Get-S365Company -Connection one -Name 'Fabrikam, Inc.'
        $viaName.ConnectionName | Should -Be 'one'
        $viaObject = Get-S365PsaConnection -Name one | Get-S365Company -Name 'Fabrikam, Inc.'
        $viaObject.ConnectionName | Should -Be 'one'
        Disconnect-S365Psa -Connection two
        (Get-S365PsaConnection -Default).Name | Should -Be 'one'
    }

    It 'writes each request to -Verbose with the Authorization header redacted and no key' {
        $verbose = Connect-Demo -Name verbose 4>&1 | Out-String
        $verbose += Get-S365Company -Name 'Fabrikam, Inc.' -Verbose 4>&1 | Out-String
        $verbose | Should -Match 'GET .*/company/companies.* 200 '
        $verbose | Should -Match 'Authorization: <redacted>'
        $verbose | Should -Not -Match 'demoprivate'
        $verbose | Should -Not -Match ([regex]::Escape([Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes('sync365demo+demopublic:demoprivate'))))
    }
}

Describe 'Connect-S365Psa refuses bad input with one clear error' {
    BeforeEach { Disconnect-S365Psa -All }

    It '<Case> fails with <ErrorId>' -ForEach @(
        @{ Case = 'a wrong private key'; ErrorId = 'AuthenticationFailed'; Params = @{ CompanyId = 'sync365demo'; PublicKey = 'demopublic'; PrivateKey = (ConvertTo-SecureString 'wrong-secret-123' -AsPlainText -Force) }; Says = 'private key' }
        @{ Case = 'an unknown company id'; ErrorId = 'CompanyNotFound'; Params = @{ CompanyId = 'nosuchcompany'; PublicKey = 'demopublic'; PrivateKey = (ConvertTo-SecureString 'wrong-secret-123' -AsPlainText -Force) }; Says = 'company id' }
        @{ Case = 'an empty clientId'; ErrorId = 'ClientIdMissing'; Params = @{ CompanyId = 'sync365demo'; PublicKey = 'demopublic'; PrivateKey = (ConvertTo-SecureString 'wrong-secret-123' -AsPlainText -Force); ClientId = [guid]::Empty }; Says = 'ClientId' }
    ) {
        $p = @{ Server = $Sim; ClientId = $ClientId }
        foreach ($k in $Params.Keys) { $p[$k] = $Params[$k] }
        $err = $null
        try { Connect-S365Psa @p -ErrorAction Stop } catch { $err = $_ }
        $err | Should -Not -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
        $err.Exception.Message | Should -Match $Says
        ($err | Out-String) + $err.Exception.ToString() | Should -Not -Match 'wrong-secret-123'
        Get-S365PsaConnection | Should -BeNullOrEmpty
    }

    It 'refuses plain http:// to a remote host unless -AllowUnencryptedAuthentication' {
        $err = $null
        try { Connect-S365Psa -Server 'http://cw.example.invalid' -CompanyId sync365demo -PublicKey demopublic -PrivateKey $Private -ClientId $ClientId -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'UnencryptedAuthenticationRefused,*'
        $err.Exception.Message | Should -Match 'AllowUnencryptedAuthentication'
    }

    It 'says the server cannot be reached, naming -Server' {
        $err = $null
        try { Connect-S365Psa -Server 'http://127.0.0.1:1' -CompanyId sync365demo -PublicKey demopublic -PrivateKey $Private -ClientId $ClientId -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'ServerUnreachable,*'
        $err.Exception.Message | Should -Match '-Server'
    }

    It 'tells a command with no connection to run Connect-S365Psa' {
        $err = $null
        try { Get-S365Company -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'NotConnected,*'
        $err.Exception.Message | Should -Match 'Connect-S365Psa'
    }

    It 'names the connection that does not exist' {
        Connect-Demo
        { Get-S365Company -Connection 'nosuch' -ErrorAction Stop } | Should -Throw -ExpectedMessage "*no connection named 'nosuch'*"
    }
}

Describe 'Get-S365Company' {
    BeforeAll { Disconnect-S365Psa -All; Connect-Demo }

    It 'finds <Name> exactly' -ForEach @(
        @{ Name = "O'Brien & Sons" }
        @{ Name = 'Zürich "Alpen" AG' }
        @{ Name = 'Smith + Jones #1' }
        @{ Name = 'Fabrikam, Inc.' }
        @{ Name = '100% Pure (NZ) Ltd' }
    ) {
        $found = @(Get-S365Company -Name $Name)
        $found.Count | Should -Be 1
        $found[0].Name | Should -BeExactly $Name
        $found[0].PsaUrl | Should -Match "recid=$($found[0].Id)"
    }

    It 'returns every company, as many as the simulator counts' {
        $expected = Get-SimCount 'company/companies'
        $expected | Should -BeGreaterOrEqual 40
        (Get-S365Company | Measure-Object).Count | Should -Be $expected
    }

    It 'turns wildcards into a server-side filter and matches exactly what the simulator matches' {
        $expected = Get-SimCount 'company/companies' 'name like "Contoso%"'
        $expected | Should -BeGreaterOrEqual 2
        $found = @(Get-S365Company -Name 'Contoso*')
        $found.Count | Should -Be $expected
        $found.Name | ForEach-Object { $_ | Should -BeLike 'Contoso*' }
    }

    It 'streams: Select-Object -First 1 makes one request' {
        Invoke-RestMethod -Method Delete -Uri "$Sim/_sim/stats" | Out-Null
        Get-S365Company | Select-Object -First 1 | Should -Not -BeNullOrEmpty
        Get-SimRequests 'GET' '/company/companies' | Should -Be 1
    }

    It 'gets companies by id, also from the pipeline, and reports ids that do not exist' {
        $two = Get-S365Company | Select-Object -First 2
        $again = $two | ForEach-Object { [pscustomobject]@{ CompanyId = $_.Id } } | Get-S365Company
        ($again.Id | Sort-Object) | Should -Be ($two.Id | Sort-Object)
        $errs = $null
        Get-S365Company -Id 987654321 -ErrorVariable errs -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'CompanyNotFound,*'
    }

    It 'shows a readable default table' {
        $text = Get-S365Company -Name 'Fabrikam, Inc.' | Out-String
        $text | Should -Match 'Identifier'
        $text | Should -Match 'Fabrikam, Inc\.'
    }
}
