@{
    Synopsis    = 'Tests a ConnectWise connection and lists, line by line, every right the API member''s security role needs and what to change.'
    Description = @'
Test-S365Connection proves an API member works for Sync365 - the "test" of "test and save". It checks the keys and the clientId, reads the member's own role (GET /system/mySecurity) and compares it with each line of the security role the Sync 365 set-up guide asks for:

  Companies > Company Maintenance      Inquire - All
  Companies > Contacts                 Add/Edit/Inquire - All
  Finance > Agreement Invoicing        Inquire - All
  Finance > Agreements                 Add/Edit/Inquire - All
  Finance > Invoicing                  Inquire - All
  Procurement > Product Catalog        Inquire - All
  Procurement > Products               Inquire - All
  Service Desk > Service Tickets       Add/Inquire - All
  System > Table Setup                 Edit/Inquire - All

Each Inquire right is confirmed with a cheap count request (which also gives CompanyCount, AgreementCount and ProductCount). Add and Edit rights are read from the role only: proving them would mean writing to the PSA. Each row has a Status of Pass, Fail or Unknown, and a failing row's Fix names the module, the function and the level to set in System > Security Roles. A row fails too when the role grants Inquire but the API still refuses (a restriction the levels do not show, such as restricted agreement types).

The TableSetup property checks the Table Setup tables the guide lists as the minimum when Table Setup is restricted (Agreements/Agreement Type, Agreements/Batch, Contacts/Contact Type, Service/Priority, Service/Service Board, Service/SLA) by reading each one; a table the API cannot show is Unknown.

Success is true when nothing failed. The default view is the permission table.

Without parameters it tests the default connection (or -Connection). With -Server and the keys (or -Credential) it tests those details without keeping a connection. A failure to connect at all - an unknown server (DNS), a TLS failure, wrong keys (401), an unknown company id, a missing or rejected clientId - is a terminating error that says what to fix; with -Quiet it returns $false instead.
'@
    Parameters  = @{
        Server                         = 'Tests these details instead of an existing connection: the ConnectWise API host (api-na.myconnectwise.net, api-eu..., api-au..., api-aus...) or a self-hosted URL.'
        CompanyId                      = 'The company id typed on the ConnectWise login page.'
        PublicKey                      = 'The public key of the API member''s API key.'
        PrivateKey                     = 'The private key, as a SecureString. It is never shown or logged.'
        Credential                     = 'A credential whose user name is "companyId+publicKey" and whose password is the private key (an Azure Automation credential asset).'
        ClientId                       = 'The clientId GUID of your integration (developer.connectwise.com).'
        AllowUnencryptedAuthentication = 'Allows plain http:// to a host that is not loopback.'
        Quiet                          = 'Returns only $true (everything needed is granted) or $false, including when the connection fails.'
        Connection                     = 'The connection to test: its name or the object Get-S365PsaConnection returns. Defaults to the last connection made.'
    }
    Examples    = @(
        @{ Title = 'Test the connection just made'; Code = 'Connect-S365Psa -Server api-na.myconnectwise.net -CompanyId contoso -PublicKey $pub -PrivateKey $priv -ClientId $id
Test-S365Connection'; Remarks = 'Shows the permission table with Pass/Fail/Unknown and the fix for each failing line.' }
        @{ Title = 'Only what is missing'; Code = '(Test-S365Connection).Permissions | Where-Object Status -ne Pass | Format-List Module, Function, Granted, Fix'; Remarks = 'Each Fix names the module, function and level to change in System > Security Roles.' }
        @{ Title = 'Gate a runbook'; Code = 'if (-not (Test-S365Connection -Quiet)) { throw ''The ConnectWise API member is missing rights; run Test-S365Connection.'' }'; Remarks = '$true only when every line passes.' }
        @{ Title = 'Test keys before saving them'; Code = 'Test-S365Connection -Server api-eu.myconnectwise.net -CompanyId contoso -PublicKey $pub -PrivateKey (Read-Host -AsSecureString) -ClientId $id'; Remarks = 'Nothing is kept in the session.' }
    )
    Notes       = 'Counts are null when the role may not read that resource. Table Setup: Agreements/Batch cannot be read through the API and is always Unknown.'
    Links       = @('Connect-S365Psa', 'Get-S365PsaConnection')
}
