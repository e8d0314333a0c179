@{
    Synopsis    = 'Connects to a ConnectWise Manage site with an API member''s keys and makes it the default connection.'
    Description = @'
Connect-S365Psa discovers the site's codebase (GET /login/companyinfo/{companyId}), then proves the keys and the clientId with one authenticated call. The connection is kept for the PowerShell session under -Name (the company id by default); the last one connected is the default for every other Sync365 command, and -Connection chooses another.

Give the keys as -CompanyId, -PublicKey and -PrivateKey (a SecureString), or as -Credential whose user name is "companyId+publicKey" and whose password is the private key - the form an Azure Automation credential asset holds.

The private key is never shown, logged or written anywhere. Plain http:// is refused except to a loopback address, unless -AllowUnencryptedAuthentication is given.
'@
    Parameters  = @{
        Server                         = 'The ConnectWise API host, such as api-na.myconnectwise.net, api-eu.myconnectwise.net, api-au.myconnectwise.net or api-aus.myconnectwise.net, or the URL of a self-hosted server (https://cw.example.com). The web host (na.myconnectwise.net) is accepted and turned into the API host.'
        CompanyId                      = 'The company id typed on the ConnectWise login page.'
        PublicKey                      = 'The public key of the API member''s API key (System > Members > API Members > API Keys).'
        PrivateKey                     = 'The private key of that API key, as a SecureString (Read-Host -AsSecureString). ConnectWise shows it only once, when the key is created.'
        Credential                     = 'A credential whose user name is "companyId+publicKey" and whose password is the private key, such as an Azure Automation credential asset (Get-AutomationPSCredential).'
        ClientId                       = 'The clientId GUID of your integration, registered at developer.connectwise.com. ConnectWise requires it on every API call.'
        Name                           = 'A name for this connection, so several can be used side by side. Defaults to the company id.'
        AllowUnencryptedAuthentication = 'Allows plain http:// to a host that is not loopback. The keys then cross the network unencrypted; use it only on a network you trust.'
        PassThru                       = 'Returns the connection object.'
    }
    Examples    = @(
        @{
            Title   = 'Connect interactively'
            Code    = 'Connect-S365Psa -Server api-na.myconnectwise.net -CompanyId contoso -PublicKey AbCdEf123 -PrivateKey (Read-Host -AsSecureString ''Private key'') -ClientId 2f7e4bd1-365d-4c3a-9a1e-5e5e5e5e0365'
            Remarks = 'Connects to ConnectWise cloud in North America and makes it the default connection.'
        }
        @{
            Title   = 'Connect from an Azure Automation runbook'
            Code    = '$cred = Get-AutomationPSCredential -Name ''ConnectWise''
Connect-S365Psa -Server api-eu.myconnectwise.net -Credential $cred -ClientId (Get-AutomationVariable -Name ''CwClientId'')'
            Remarks = 'The credential asset''s user name is "companyId+publicKey"; its password is the private key.'
        }
        @{
            Title   = 'Two sites side by side'
            Code    = 'Connect-S365Psa -Server api-na.myconnectwise.net -CompanyId contoso -PublicKey $pub -PrivateKey $priv -ClientId $id -Name prod
Connect-S365Psa -Server https://cw-staging.contoso.com -CompanyId contoso -PublicKey $pub2 -PrivateKey $priv2 -ClientId $id -Name staging
Get-S365Company -Connection prod | Select-Object -First 5'
            Remarks = 'The last connection (staging) is the default; -Connection prod reads from the other.'
        }
    )
    Notes       = 'Run Test-S365Connection after connecting to check every right the API member''s security role needs.'
    Links       = @('Disconnect-S365Psa', 'Get-S365PsaConnection', 'Get-S365Company')
}
