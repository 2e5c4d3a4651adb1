# A user-defined exception escapes from a method.
class InsufficientFunds(Exception):
    pass

class Account:
    def __init__(self, balance):
        self.balance = balance

    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(
                "balance %d, asked %d" % (self.balance, amount)
            )
        self.balance -= amount

acct = Account(10)
acct.withdraw(3)
print(acct.balance)
for amount in [2, 50]:
    acct.withdraw(amount)
